// Command-line arguments of the headless shell. PowerShell-style switches
// (-Command, -File, case-insensitive, any unambiguous prefix) next to the
// --store option the app's contract names.

export interface ShellArgs {
  readonly store?: string;
  readonly command?: string;
  readonly file?: string;
  readonly help: boolean;
  readonly noProfile: boolean;
}

export const USAGE = `pchat-admin headless shell

Usage:
  npm run shell -- [--store <dir>] -Command "<cmdlet line>"
  npm run shell -- [--store <dir>] -File <script.ps1>
  npm run shell -- [--store <dir>]            (interactive prompt)

Options:
  --store <dir>    Folder holding the store file (config.json). Default: the desktop app's own store.
  -Command <text>  Runs the text as one input (several statements may be separated by ';'), then exits.
  -File <path>     Runs a script file, then exits.
  --help           Shows this text.

Exit code: n when the script runs \`exit n\` (\`exit\` alone: 0); otherwise 0 when the last
statement succeeded, 1 when it failed.`;

export class ArgsError extends Error {}

const OPTIONS = ['store', 'command', 'file', 'help'] as const;

function match(flag: string): (typeof OPTIONS)[number] | undefined {
  const name = flag.replace(/^--?/, '').toLowerCase();
  if (name === '?' || name === 'h') return 'help';
  if (name === 'c') return 'command';
  const found = OPTIONS.filter((o) => o.startsWith(name));
  return found.length === 1 ? found[0] : undefined;
}

export function parseArgs(argv: readonly string[]): ShellArgs {
  let store: string | undefined;
  let command: string | undefined;
  let file: string | undefined;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const option = arg.startsWith('-') ? match(arg) : undefined;
    if (!option) throw new ArgsError(`Unknown argument '${arg}'. Run with --help for usage.`);
    if (option === 'help') {
      help = true;
      continue;
    }
    const value = argv[i + 1];
    if (value === undefined) throw new ArgsError(`Missing a value for ${arg}.`);
    i++;
    if (option === 'store') store = value;
    // -Command takes the rest of the line, as powershell.exe does.
    if (option === 'command') {
      command = argv.slice(i).join(' ');
      break;
    }
    if (option === 'file') file = value;
  }
  if (command !== undefined && file !== undefined) throw new ArgsError('Use either -Command or -File, not both.');
  return { ...(store !== undefined ? { store } : {}), ...(command !== undefined ? { command } : {}), ...(file !== undefined ? { file } : {}), help, noProfile: true };
}
