// The console line equivalent to a form's values: what the transcript shows,
// what a user could paste into the console, and, parsed again, exactly what the
// form asked for (a property test holds it to that).
//
// Rules, chosen so the line round-trips through the real lexer and parser:
// - parameters in the metadata's declaration order (own, then common);
// - a switch that is true is `-Name`, false is left out, anything else is
//   `-Name:<value>` (a switch never takes the next argument);
// - null is `$null`, booleans `$true`/`$false`, numbers in JavaScript's
//   shortest round-trip spelling (which the lexer reads back to the same double);
// - a string for an integer parameter that is a plain decimal integer is
//   written bare (`-DefaultChatHistory 40`), because the console converts the
//   number and the string alike, with the same texts in any error;
// - any other string in double quotes, or in single quotes (quote characters
//   doubled) when it holds `$`, a backtick or a double quote, the three things
//   a double-quoted string would interpret.

import { CONFIG_CMDLETS, type ConfigCmdletName } from '../domain/parameters';
import type { Extent } from '../shell/ast';
import { resolveParameter } from '../shell/binder';
import type { CommandDef, ParameterDef } from '../shell/commands';
import { TerminatingError } from '../shell/errors';
import { isDoubleQuote, isSingleQuote } from '../shell/tokens';
import { CommandRegistry } from './registry';

/** One value a form sends (the shape of the IPC contract's CmdletParameters). */
export type FormValue = string | number | boolean | null;
export type FormValues = Readonly<Record<string, FormValue>>;

export type CommandLineErrorCode = 'UnknownCmdlet' | 'UnknownParameter' | 'InvalidValue';

/** A form payload that cannot become a console line: the IPC layer rejects the request with it. */
export class CommandLineError extends Error {
  constructor(
    readonly code: CommandLineErrorCode,
    message: string,
    /** The offending parameter name, as sent. */
    readonly parameter?: string,
  ) {
    super(message);
    this.name = 'CommandLineError';
  }
}

/** One parameter of the line, as the console will see it. */
export interface FormArgument {
  readonly def: ParameterDef;
  /** What the console evaluates the emitted argument to; undefined for a bare switch (`-WhatIf`). */
  readonly value: FormValue | undefined;
  /** The emitted text, e.g. `-DefaultChatHistory 40`. */
  readonly text: string;
  /** Where `-Name` and its argument are in the built line (for error records). */
  readonly paramExtent: Extent;
  readonly argExtent?: Extent;
}

export interface BuiltCommandLine {
  readonly cmd: CommandDef;
  readonly line: string;
  readonly args: readonly FormArgument[];
}

// The registry is immutable data; one shared instance saves rebuilding the
// parameter tables on every keystroke of a form.
let registry: CommandRegistry | undefined;

/** The configuration cmdlet's definition, common parameters included. */
export function configCommand(cmdlet: string): CommandDef {
  const cmd = (CONFIG_CMDLETS as readonly string[]).includes(cmdlet) ? (registry ??= new CommandRegistry()).find(cmdlet) : undefined;
  if (!cmd) throw new CommandLineError('UnknownCmdlet', `'${String(cmdlet)}' is not one of the Persistent Chat configuration cmdlets.`);
  return cmd;
}

const PLAIN_INTEGER = /^(?:0|-?[1-9]\d{0,14})$/;
const INTEGER_TYPES = new Set(['Int16', 'Int32', 'UInt32']);

/** Quotes text so that the console reads back exactly `text`. */
export function quoteString(text: string): string {
  const interpreted = [...text].some((c) => c === '$' || c === '`' || isDoubleQuote(c));
  if (!interpreted) return `"${text}"`;
  // Inside single quotes only a quote character is special; doubling it (any of
  // the typographic variants PowerShell accepts) yields that character once.
  let body = '';
  for (const c of text) body += isSingleQuote(c) ? c + c : c;
  return `'${body}'`;
}

/** The argument text for `value` and what the console evaluates it to. */
function argument(def: ParameterDef, value: Exclude<FormValue, undefined>): { text: string; value: FormValue } {
  if (value === null) return { text: '$null', value };
  if (typeof value === 'boolean') return { text: value ? '$true' : '$false', value };
  if (typeof value === 'number') return { text: String(value), value: value === 0 ? 0 : value };
  if (INTEGER_TYPES.has(def.type) && PLAIN_INTEGER.test(value)) return { text: value, value: Number(value) };
  return { text: quoteString(value), value };
}

function checkValue(name: string, value: unknown): asserts value is FormValue | undefined {
  if (value === undefined || value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number' && Number.isFinite(value)) return;
  throw new CommandLineError('InvalidValue', `The value of parameter '${name}' must be a string, a finite number, a Boolean or null.`, name);
}

/** Maps a sent name to the cmdlet's parameter; only the exact names are accepted. */
function lookup(cmd: CommandDef, name: string): ParameterDef {
  let def: ParameterDef | undefined;
  try {
    def = resolveParameter(cmd, name, { start: 0, end: 0 });
  } catch (e) {
    if (!(e instanceof TerminatingError)) throw e;
    throw new CommandLineError('UnknownParameter', e.record.message, name);
  }
  // A form names parameters exactly, as the metadata spells them; a prefix,
  // an alias or another letter case means the sender guessed.
  if (def.name !== name) {
    throw new CommandLineError('UnknownParameter', `A parameter cannot be found that matches parameter name '${name}'.`, name);
  }
  return def;
}

/** Validates a form payload and lays out its console line. Throws CommandLineError. */
export function layoutCommandLine(cmdlet: ConfigCmdletName, parameters: FormValues): BuiltCommandLine {
  const cmd = configCommand(cmdlet);
  if (typeof parameters !== 'object' || parameters === null || Array.isArray(parameters)) {
    throw new CommandLineError('InvalidValue', 'The parameters must be an object of parameter names and values.');
  }
  const given = new Map<ParameterDef, FormValue>();
  for (const name of Object.keys(parameters)) {
    const value: unknown = parameters[name];
    checkValue(name, value);
    const def = lookup(cmd, name);
    if (value !== undefined) given.set(def, value);
  }

  let line = cmd.name;
  const args: FormArgument[] = [];
  for (const def of cmd.parameters) {
    if (!given.has(def)) continue;
    const raw = given.get(def)!;
    const start = line.length + 1;
    const nameEnd = start + 1 + def.name.length;
    let arg: FormArgument;
    if (def.type === 'SwitchParameter' && raw === true) {
      arg = { def, value: undefined, text: `-${def.name}`, paramExtent: { start, end: nameEnd } };
    } else if (def.type === 'SwitchParameter') {
      if (raw === false) continue;
      const a = argument(def, raw);
      const text = `-${def.name}:${a.text}`;
      arg = { def, value: a.value, text, paramExtent: { start, end: start + text.length }, argExtent: { start: nameEnd + 1, end: start + text.length } };
    } else {
      const a = argument(def, raw);
      const text = `-${def.name} ${a.text}`;
      arg = { def, value: a.value, text, paramExtent: { start, end: nameEnd }, argExtent: { start: nameEnd + 1, end: start + text.length } };
    }
    args.push(arg);
    line += ` ${arg.text}`;
  }
  return { cmd, line, args };
}

/**
 * The console line for a form's values, e.g.
 * `New-CsPersistentChatConfiguration -Identity "site:Redmond" -DefaultChatHistory 40`.
 * Throws CommandLineError for an unknown cmdlet, an unknown parameter name or
 * a value that is not a string, finite number, Boolean or null.
 */
export function buildCommandLine(cmdlet: ConfigCmdletName, parameters: FormValues): string {
  return layoutCommandLine(cmdlet, parameters).line;
}
