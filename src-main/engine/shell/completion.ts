// Tab completion for the console, as PowerShell does it: command names and
// aliases where a pipeline element starts, parameter names after `-`, values
// for -Identity (and the first positional argument of the configuration
// cmdlets), -ErrorAction and Get-Help / Get-Command names, and `$` variables.
//
// Input being completed is usually unfinished (an open quote, a trailing
// pipe), which the parser rightly rejects; so the text before the cursor is
// read by a small forgiving scanner that follows the lexer's rules for words,
// quotes, escapes and brackets (see completion-scan.ts). Completion never
// throws, does no I/O, and calls `identities()` only when it offers them.

import { isDash, isParameterStart, isVariableChar } from './tokens';
import type { CommandDef, ParameterDef } from './commands';
import { scanForCompletion, type ScannedWord } from './completion-scan';
import type { CommandLookup } from './runtime/interpreter';
import { compileWildcard, hasWildcard, WildcardPatternError } from './wildcard';
import { MAX_SOURCE_LENGTH } from './parse';

/** The shape of the IPC contract's CompletionResult. */
export interface CompletionResult {
  /** Replace input[replaceStart, replaceEnd) with one of the matches. */
  readonly replaceStart: number;
  readonly replaceEnd: number;
  readonly matches: readonly string[];
}

export interface CompletionContext {
  readonly commands: CommandLookup;
  /** Identities of the existing collections. */
  readonly identities: () => readonly string[];
  /** Variable names without `$`. */
  readonly variables?: () => readonly string[];
}

const ACTION_PREFERENCES = ['Continue', 'SilentlyContinue', 'Stop', 'Ignore'];
/** Commands whose -Name (first positional) names a command. */
const NAMES_COMMANDS = new Set(['Get-Help', 'Get-Command']);

/** Case-insensitive alphabetical order; ties by code unit, so the order is total and stable. */
export function compareNames(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x !== y) return x < y ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Tab completion at `cursor` in `input`; never throws. */
export function complete(input: string, cursor: number, context: CompletionContext): CompletionResult {
  const at = typeof input === 'string' && Number.isFinite(cursor) ? Math.min(Math.max(Math.trunc(cursor), 0), input.length) : 0;
  try {
    if (typeof input !== 'string' || input.length > MAX_SOURCE_LENGTH) return none(at);
    return completeAt(input, at, context);
  } catch {
    // A defect here must cost the user a completion, never the console.
    return none(at);
  }
}

function none(at: number): CompletionResult {
  return { replaceStart: at, replaceEnd: at, matches: [] };
}

/** Matches `typed` as a prefix, or as a wildcard pattern with `*` appended, ignoring case. */
function matcher(typed: string): (candidate: string) => boolean {
  if (hasWildcard(typed)) {
    try {
      const re = compileWildcard(typed.endsWith('*') ? typed : `${typed}*`);
      return (candidate) => re.test(candidate);
    } catch (e) {
      // A pattern still being typed (`[a`) is matched as plain text, as PowerShell's command search does.
      if (!(e instanceof WildcardPatternError)) throw e;
    }
  }
  const lower = typed.toLowerCase();
  return (candidate) => candidate.toLowerCase().startsWith(lower);
}

function sortedUnique(values: Iterable<string>): string[] {
  const seen = new Map<string, string>();
  for (const v of values) if (!seen.has(v.toLowerCase())) seen.set(v.toLowerCase(), v);
  return [...seen.values()].sort(compareNames);
}

function completeAt(input: string, cursor: number, context: CompletionContext): CompletionResult {
  const scan = scanForCompletion(input, cursor);
  if (scan.inComment || scan.openQuote === 'here') return none(cursor);

  // `$name`: a variable wherever one may be written, double-quoted strings included.
  const variable = variableAt(input, cursor);
  if (variable !== null && scan.openQuote !== 'single') {
    const typed = input.slice(variable.start + 1, cursor).toLowerCase();
    const names = (context.variables?.() ?? []).filter((n) => n.toLowerCase().startsWith(typed));
    const texts = sortedUnique(names).map((n) => ([...n].every(isVariableChar) ? `$${n}` : `\${${n}}`));
    return { replaceStart: variable.start, replaceEnd: variable.end, matches: texts };
  }
  if (scan.hashtable) return none(cursor);

  const current = scan.current;
  const span = { replaceStart: current.start, replaceEnd: current.end };
  const words = scan.words;
  if (words.length === 0 && !current.afterComma) {
    if (!current.literal || !startsCommandName(current.value)) return { ...span, matches: [] };
    return { ...span, matches: commandNames(context.commands, current.value) };
  }

  const first = words[0];
  if (!first || !first.literal || !startsCommandName(first.value)) return { ...span, matches: [] };
  const cmd = context.commands.find(first.value);
  if (!cmd) return { ...span, matches: [] };
  const line = analyse(cmd, words.slice(1));

  if (isParameterWord(current)) return { ...span, matches: parameterNames(cmd, line.bound, current.value.slice(1)) };
  const target = current.afterComma ? line.lastTarget : line.pending ?? positionalTarget(cmd, line.bound, line.positionals);
  return valueCompletion(context, cmd, target, current);
}

/** Could a statement starting with this word be a command (rather than an expression)? */
function startsCommandName(value: string): boolean {
  if (value === '') return true;
  const c = value[0]!;
  if (/[0-9$(\[!+,.'"@{]/.test(c)) return false;
  return !(isDash(c) && !isParameterStart(value[1]));
}

/** `-Name`, `-Name:` or a lone `-` (which lists every parameter). */
function isParameterWord(word: ScannedWord): boolean {
  return word.literal && isDash(word.value[0]) && (word.value.length === 1 || isParameterStart(word.value[1]));
}

function tryResolve(cmd: CommandDef, typed: string): ParameterDef | undefined {
  const lower = typed.toLowerCase();
  const exact = cmd.parameters.find((p) => p.name.toLowerCase() === lower || p.aliases.some((a) => a.toLowerCase() === lower));
  if (exact || lower === '') return exact;
  const byPrefix = cmd.parameters.filter((p) => p.name.toLowerCase().startsWith(lower) || p.aliases.some((a) => a.toLowerCase().startsWith(lower)));
  return byPrefix.length === 1 ? byPrefix[0] : undefined;
}

interface LineState {
  /** Parameters named so far. */
  readonly bound: Set<ParameterDef>;
  /** Positional arguments so far. */
  readonly positionals: number;
  /** A parameter still waiting for its argument (`-Identity ` then the cursor). */
  readonly pending: ParameterDef | undefined;
  /** The parameter the last argument went to, for a value after a comma. */
  readonly lastTarget: ParameterDef | undefined;
}

/** Walks the words before the cursor as the binder would read them: named, their arguments, positionals. */
function analyse(cmd: CommandDef, words: readonly ScannedWord[]): LineState {
  const bound = new Set<ParameterDef>();
  let positionals = 0;
  let pending: ParameterDef | undefined;
  let lastTarget: ParameterDef | undefined;
  for (const word of words) {
    if (isParameterWord(word)) {
      const colon = word.value.endsWith(':');
      const def = tryResolve(cmd, word.value.slice(1, colon ? -1 : undefined));
      if (def) bound.add(def);
      lastTarget = def;
      // The next word is the value of `-Name:` (any parameter) or of a parameter that is not a switch.
      pending = colon || def?.type !== 'SwitchParameter' ? def : undefined;
      continue;
    }
    if (word.afterComma) continue;
    if (pending) {
      lastTarget = pending;
      pending = undefined;
      continue;
    }
    lastTarget = positionalTarget(cmd, bound, positionals);
    positionals++;
  }
  return { bound, positionals, pending, lastTarget };
}

/** Parameter sets still possible once `bound` are given (all of them if the line already conflicts). */
function candidateSets(cmd: CommandDef, bound: ReadonlySet<ParameterDef>): readonly string[] {
  let sets: readonly string[] = cmd.sets;
  for (const def of bound) {
    const own = def.sets ?? cmd.sets;
    const next = sets.filter((s) => own.includes(s));
    if (next.length > 0) sets = next;
  }
  return sets;
}

/** The parameter the `index`-th positional argument binds to: unbound positional parameters by position. */
function positionalTarget(cmd: CommandDef, bound: ReadonlySet<ParameterDef>, index: number): ParameterDef | undefined {
  const sets = candidateSets(cmd, bound);
  const open = cmd.parameters
    .filter((d) => d.position !== undefined && !bound.has(d) && (d.sets ?? cmd.sets).some((s) => sets.includes(s)))
    .sort((a, b) => a.position! - b.position!);
  // Parameters of different sets may share a position; each position takes one argument.
  const positions = [...new Set(open.map((d) => d.position!))];
  const position = positions[index];
  return position === undefined ? undefined : open.find((d) => d.position === position);
}

/** `-Name` for every parameter not yet given whose name or alias matches, own parameters first, common ones last. */
function parameterNames(cmd: CommandDef, bound: ReadonlySet<ParameterDef>, typed: string): string[] {
  const matches = matcher(typed);
  const sets = candidateSets(cmd, bound);
  const open = cmd.parameters.filter(
    (d) => !bound.has(d) && (d.sets ?? cmd.sets).some((s) => sets.includes(s)) && (matches(d.name) || d.aliases.some(matches)),
  );
  // PowerShell offers parameters in declaration order, not alphabetically; common parameters come last.
  return [...open.filter((d) => !d.common), ...open.filter((d) => d.common)].map((d) => `-${d.name}`);
}

function commandNames(commands: CommandLookup, typed: string): string[] {
  const matches = matcher(typed);
  const names = [...commands.all().map((c) => c.name), ...commands.aliases().keys()];
  return sortedUnique(names.filter(matches));
}

function valueCompletion(context: CompletionContext, cmd: CommandDef, def: ParameterDef | undefined, word: ScannedWord): CompletionResult {
  const span = { replaceStart: word.start, replaceEnd: word.end };
  if (!def || !word.plain) return { ...span, matches: [] };
  let candidates: readonly string[];
  if (def.type === 'XdsIdentity') candidates = context.identities();
  else if (def.type === 'ActionPreference') candidates = def.meta?.values ?? ACTION_PREFERENCES;
  else if (def.type === 'Enum' && def.enumType) candidates = def.enumType.names;
  // A closed set of names (-Encoding of the file cmdlets).
  else if (def.meta?.values) candidates = def.meta.values;
  else if (NAMES_COMMANDS.has(cmd.name) && def.name === 'Name') return { ...span, matches: word.quote === '' ? commandNames(context.commands, word.value) : [] };
  else return { ...span, matches: [] };
  const matches = matcher(word.value);
  return { ...span, matches: sortedUnique(candidates.filter(matches)).map((v) => quoteValue(v, word.quote)) };
}

const NEEDS_QUOTES = /[\s'"`$;|(){},&<>#@\u2018-\u201b\u201c-\u201e]/;

/**
 * Writes a completed value so the console reads it back unchanged: bare when
 * it can be, else in single quotes (as PowerShell adds them); a double quote
 * the user opened is kept when the value allows it.
 */
export function quoteValue(text: string, typedQuote: '' | "'" | '"'): string {
  if (typedQuote === '"' && !/[$`"\u201c-\u201e]/.test(text)) return `"${text}"`;
  if (typedQuote === '' && text !== '' && !NEEDS_QUOTES.test(text) && !isDash(text[0])) return text;
  return `'${text.replace(/['\u2018-\u201b]/g, (q) => q + q)}'`;
}

/** The `$name` that ends at the cursor (and whatever of the name follows it), or null. */
function variableAt(input: string, cursor: number): { start: number; end: number } | null {
  let start = cursor;
  while (start > 0 && isVariableChar(input[start - 1])) start--;
  if (input[start - 1] !== '$' || input[start - 2] === '`') return null;
  let end = cursor;
  while (end < input.length && isVariableChar(input[end])) end++;
  return { start: start - 1, end };
}
