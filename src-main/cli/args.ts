// Command-line arguments of the headless shell, in powershell.exe's form
// (case-insensitive, any unambiguous prefix): -Command <text…> or
// -Command - (the script from standard input), -EncodedCommand <base64 of
// UTF-16LE text>, -File <script.ps1> [script arguments…], -NoProfile,
// -NonInteractive, -NoLogo, -ExecutionPolicy <policy>, -InputFormat /
// -OutputFormat Text, -WindowStyle; plus --store <dir>, the app's own. As in
// powershell.exe, text that is not an option starts the command.

export interface ShellArgs {
  readonly store?: string;
  readonly command?: string;
  /** -Command - : the script comes from standard input. */
  readonly commandFromStdin: boolean;
  readonly file?: string;
  /** Arguments after -File <path>, passed to the script's param() block. */
  readonly fileArgs: readonly string[];
  readonly help: boolean;
  readonly noProfile: boolean;
  /** -NonInteractive: prompts fail with an error instead of waiting. */
  readonly nonInteractive: boolean;
}

export const USAGE = `pchat-admin headless shell

Usage (the same switches as powershell.exe):
  npm run shell -- [--store <dir>] -Command "<cmdlet line>"
  npm run shell -- [--store <dir>] -Command -           (script from standard input)
  npm run shell -- [--store <dir>] -EncodedCommand <base64 of UTF-16LE text>
  npm run shell -- [--store <dir>] -File <script.ps1> [-Param value ...]
  npm run shell -- [--store <dir>]                      (interactive prompt)

Options:
  --store <dir>            Folder holding the store file (config.json). Default: the desktop app's own store.
  -Command <text>          Runs the rest of the line as one input, then exits.
  -File <path> [args]      Runs a script file with the given arguments for its param() block, then exits.
  -EncodedCommand <text>   Runs base64-encoded UTF-16LE text, as powershell.exe does.
  -NonInteractive          Never waits for an answer: prompts fail with an error.
  -NoProfile, -NoLogo, -ExecutionPolicy <p>, -InputFormat Text, -OutputFormat Text, -WindowStyle <s>
                           Accepted for compatibility with powershell.exe command lines; they change nothing here.
  --help, -?               Shows this text.

Exit code: n when the script runs \`exit n\` (\`exit\` alone: 0); otherwise 0 when the last
statement succeeded, 1 when it failed.`;

export class ArgsError extends Error {}

const OPTIONS = [
  'store',
  'command',
  'encodedcommand',
  'file',
  'help',
  'noprofile',
  'noninteractive',
  'nologo',
  'executionpolicy',
  'inputformat',
  'outputformat',
  'windowstyle',
  'mta',
  'sta',
] as const;
type Option = (typeof OPTIONS)[number];

const TAKES_VALUE: ReadonlySet<Option> = new Set(['store', 'encodedcommand', 'file', 'executionpolicy', 'inputformat', 'outputformat', 'windowstyle']);

function match(flag: string): Option | undefined {
  const name = flag.replace(/^--?/, '').toLowerCase();
  if (name === '?' || name === 'h') return 'help';
  if (name === 'c') return 'command';
  if (name === 'ec' || name === 'e') return 'encodedcommand';
  if (name === 'ep') return 'executionpolicy';
  if (name === 'nop') return 'noprofile';
  if (name === 'noni') return 'noninteractive';
  const exact = OPTIONS.find((o) => o === name);
  if (exact) return exact;
  const found = OPTIONS.filter((o) => o.startsWith(name));
  return found.length === 1 ? found[0] : undefined;
}

/** -EncodedCommand's text: base64 of UTF-16LE. */
function decodeCommand(value: string): string {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(value) || value.length % 4 !== 0) {
    throw new ArgsError('Cannot process the command because the value specified with -EncodedCommand is not properly encoded. The value must be Base64 encoded.');
  }
  return Buffer.from(value, 'base64').toString('utf16le');
}

export function parseArgs(argv: readonly string[]): ShellArgs {
  let store: string | undefined;
  let command: string | undefined;
  let commandFromStdin = false;
  let file: string | undefined;
  let fileArgs: string[] = [];
  let help = false;
  let nonInteractive = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const option = arg.startsWith('-') && arg !== '-' ? match(arg) : undefined;
    if (!option) {
      if (arg.startsWith('-') && arg !== '-') throw new ArgsError(`Unknown argument '${arg}'. Run with --help for usage.`);
      // powershell.exe: anything else begins the command.
      command = argv.slice(i).join(' ');
      break;
    }
    if (option === 'help') {
      help = true;
      continue;
    }
    if (option === 'noninteractive') {
      nonInteractive = true;
      continue;
    }
    if (option === 'noprofile' || option === 'nologo' || option === 'mta' || option === 'sta') continue;
    if (option === 'command') {
      const rest = argv.slice(i + 1);
      if (rest.length === 0) throw new ArgsError(`Missing a value for ${arg}.`);
      if (rest.length === 1 && rest[0] === '-') commandFromStdin = true;
      else command = rest.join(' ');
      break;
    }
    const value = argv[i + 1];
    if (value === undefined || !TAKES_VALUE.has(option)) throw new ArgsError(`Missing a value for ${arg}.`);
    i++;
    if (option === 'store') store = value;
    else if (option === 'encodedcommand') command = decodeCommand(value);
    else if (option === 'file') {
      file = value;
      // Everything after the script's path is the script's.
      fileArgs = argv.slice(i + 1);
      break;
    } else if ((option === 'inputformat' || option === 'outputformat') && !/^(text|t|te|tex)$/i.test(value)) {
      throw new ArgsError(`Only -${option === 'inputformat' ? 'InputFormat' : 'OutputFormat'} Text is supported here.`);
    }
  }
  if ((command !== undefined || commandFromStdin) && file !== undefined) throw new ArgsError('Use either -Command or -File, not both.');
  return {
    ...(store !== undefined ? { store } : {}),
    ...(command !== undefined ? { command } : {}),
    ...(file !== undefined ? { file } : {}),
    commandFromStdin,
    fileArgs,
    help,
    noProfile: true,
    nonInteractive,
  };
}

/** A PowerShell single-quoted string literal for `text`. */
export function quoteArgument(text: string): string {
  return `'${text.replace(/['\u2018\u2019\u201a\u201b]/g, (q) => q + q)}'`;
}

/**
 * The input that runs a script file with powershell.exe -File's argument
 * rules: `-Name` and `-Name:value` stay parameters, `$true`/`$false` after a
 * colon are booleans, everything else is a string.
 */
export function fileInvocation(fullPath: string, args: readonly string[]): string {
  const parts = args.map((a) => {
    const named = /^-([A-Za-z_][\w-]*)(:(.*))?$/s.exec(a);
    if (!named) return quoteArgument(a);
    if (named[2] === undefined) return `-${named[1]}`;
    const value = named[3]!;
    return `-${named[1]}:${/^\$(true|false)$/i.test(value) ? value : quoteArgument(value)}`;
  });
  return ['&', quoteArgument(fullPath), ...parts].join(' ');
}
