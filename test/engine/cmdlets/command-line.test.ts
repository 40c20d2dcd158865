// buildCommandLine: the console line for a form's values. Examples pin the
// layout and quoting rules; a property test holds the line to its promise:
// parsed by the real parser and bound by the real binder, it gives the same
// values (or the same first error) as binding the form's values directly.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildCommandLine,
  CommandLineError,
  configCommand,
  layoutCommandLine,
  quoteString,
  type FormValue,
  type FormValues,
} from '../../../src-main/engine/cmdlets/command-line';
import { CommandRegistry } from '../../../src-main/engine/cmdlets/registry';
import { CONFIG_CMDLETS, type ConfigCmdletName } from '../../../src-main/engine/domain/parameters';
import { convertArgument } from '../../../src-main/engine/shell/argument-conversion';
import { bindCommandLine, resolveParameter, type NamedArgument } from '../../../src-main/engine/shell/binder';
import { TerminatingError } from '../../../src-main/engine/shell/errors';
import { parse } from '../../../src-main/engine/shell/parse';
import { Interpreter } from '../../../src-main/engine/shell/runtime/interpreter';
import { NON_INTERACTIVE } from '../../../src-main/engine/session';
import type { ConfigRepository } from '../../../src-main/engine/store/types';
import type { CmdletParameters } from '../../../src-main/ipc/contract';

const NEW = 'New-CsPersistentChatConfiguration';
const GET = 'Get-CsPersistentChatConfiguration';
const SET = 'Set-CsPersistentChatConfiguration';

function rejection(run: () => unknown): { code: string; parameter: string | undefined; message: string } {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(CommandLineError);
    const err = e as CommandLineError;
    return { code: err.code, parameter: err.parameter, message: err.message };
  }
  throw new Error('expected a CommandLineError');
}

describe('buildCommandLine', () => {
  it('lays parameters out in the metadata order, whatever the order of the form', () => {
    const form: CmdletParameters = { RoomManagementUrl: 'https://rooms.contoso.com', DefaultChatHistory: 40, Identity: 'site:Redmond' };
    expect(buildCommandLine(NEW, form)).toBe(
      'New-CsPersistentChatConfiguration -Identity "site:Redmond" -DefaultChatHistory 40 -RoomManagementUrl "https://rooms.contoso.com"',
    );
  });

  it('writes a true switch bare, leaves a false one out, and gives any other value with a colon', () => {
    expect(buildCommandLine(SET, { Confirm: false, WhatIf: true, Force: true })).toBe('Set-CsPersistentChatConfiguration -Force -WhatIf');
    expect(buildCommandLine(SET, { WhatIf: null, Force: 0, Confirm: 'yes' })).toBe('Set-CsPersistentChatConfiguration -Force:0 -WhatIf:$null -Confirm:"yes"');
  });

  it('writes null, Booleans and numbers as the console spells them', () => {
    expect(buildCommandLine(SET, { FileServiceUrl: null, DefaultChatHistory: true, MaxFileSizeKB: -5, ParticipantUpdateLimit: 2.5 })).toBe(
      'Set-CsPersistentChatConfiguration -DefaultChatHistory $true -MaxFileSizeKB -5 -ParticipantUpdateLimit 2.5 -FileServiceUrl $null',
    );
    expect(buildCommandLine(SET, { MaxFileSizeKB: 1e21, ParticipantUpdateLimit: -0 })).toBe(
      'Set-CsPersistentChatConfiguration -MaxFileSizeKB 1e+21 -ParticipantUpdateLimit 0',
    );
  });

  it('writes a text box holding a plain integer bare for an integer parameter, and quotes anything else', () => {
    expect(buildCommandLine(SET, { DefaultChatHistory: '40', MaxChatContentSizeMB: '0x1F', MaxFileSizeKB: ' 7', ParticipantUpdateLimit: '' })).toBe(
      'Set-CsPersistentChatConfiguration -DefaultChatHistory 40 -MaxChatContentSizeMB "0x1F" -MaxFileSizeKB " 7" -ParticipantUpdateLimit ""',
    );
    // A string parameter keeps its quotes even when the text is a number.
    expect(buildCommandLine(SET, { RoomManagementUrl: '40' })).toBe('Set-CsPersistentChatConfiguration -RoomManagementUrl "40"');
  });

  it('quotes in double quotes, or in single quotes when the text holds $, a backtick or a double quote', () => {
    expect(quoteString("site:North West's")).toBe(`"site:North West's"`);
    expect(quoteString('$x')).toBe(`'$x'`);
    expect(quoteString("it's `n")).toBe(`'it''s \`n'`);
    expect(quoteString('say "hi"')).toBe(`'say "hi"'`);
    expect(quoteString('\u201cx\u201d \u2019s')).toBe(`'\u201cx\u201d \u2019\u2019s'`);
    expect(quoteString('')).toBe('""');
  });

  it('reports where each parameter is in the line', () => {
    const { line, args } = layoutCommandLine(SET, { DefaultChatHistory: 40, WhatIf: true, Confirm: 1 });
    expect(args.map((a) => [a.def.name, a.value, a.text, line.slice(a.paramExtent.start, a.paramExtent.end), a.argExtent && line.slice(a.argExtent.start, a.argExtent.end)])).toEqual([
      ['DefaultChatHistory', 40, '-DefaultChatHistory 40', '-DefaultChatHistory', '40'],
      ['WhatIf', undefined, '-WhatIf', '-WhatIf', undefined],
      ['Confirm', 1, '-Confirm:1', '-Confirm:1', '1'],
    ]);
  });

  it('rejects names that are not exactly a parameter of the cmdlet', () => {
    expect(rejection(() => buildCommandLine(SET, { Bogus: 1 }))).toEqual({
      code: 'UnknownParameter',
      parameter: 'Bogus',
      message: "A parameter cannot be found that matches parameter name 'Bogus'.",
    });
    expect(rejection(() => buildCommandLine(NEW, { Filter: 'x' }))).toEqual({
      code: 'UnknownParameter',
      parameter: 'Filter',
      message: "A parameter cannot be found that matches parameter name 'Filter'.",
    });
    expect(rejection(() => buildCommandLine(SET, { Max: 1 })).message).toBe(
      "Parameter cannot be processed because the parameter name 'Max' is ambiguous. Possible matches include: -MaxChatContentSizeMB -MaxFileSizeKB.",
    );
    for (const name of ['Def', 'wi', 'defaultchathistory', '__proto__', '']) {
      expect(rejection(() => buildCommandLine(SET, { [name]: 1 })).code).toBe('UnknownParameter');
    }
  });

  it('rejects values a form cannot send, and unknown cmdlets', () => {
    expect(rejection(() => buildCommandLine(SET, { DefaultChatHistory: Number.NaN }))).toEqual({
      code: 'InvalidValue',
      parameter: 'DefaultChatHistory',
      message: "The value of parameter 'DefaultChatHistory' must be a string, a finite number, a Boolean or null.",
    });
    for (const bad of [Infinity, {}, [1], 10n, () => 1]) {
      expect(rejection(() => buildCommandLine(SET, { DefaultChatHistory: bad as unknown as FormValue })).code).toBe('InvalidValue');
    }
    expect(rejection(() => buildCommandLine(SET, null as unknown as FormValues)).code).toBe('InvalidValue');
    expect(rejection(() => buildCommandLine('Get-Foo' as ConfigCmdletName, {}))).toEqual({
      code: 'UnknownCmdlet',
      parameter: undefined,
      message: "'Get-Foo' is not one of the Persistent Chat configuration cmdlets.",
    });
  });

  it('leaves out a parameter whose value is undefined (an optional field not filled in)', () => {
    expect(buildCommandLine(GET, { Identity: undefined as unknown as string })).toBe(GET);
  });
});

// ---- round trip through the real parser and binder -------------------------------

const interp = new Interpreter(new CommandRegistry(), {} as ConfigRepository, NON_INTERACTIVE, { object() {}, line() {} }, () => []);

/** The command line's arguments as the console reads them: parsed, evaluated, matched to parameters. */
async function consoleArguments(cmdlet: ConfigCmdletName, line: string): Promise<NamedArgument[]> {
  const parsed = parse(line);
  if (!parsed.ok) throw new Error(`parse failed: ${parsed.errors[0]!.message}`);
  expect(parsed.script.statements).toHaveLength(1);
  const statement = parsed.script.statements[0]!;
  if (statement.type !== 'Pipeline' || statement.elements.length !== 1 || statement.elements[0]!.type !== 'Command') throw new Error('not one command');
  const command = statement.elements[0];
  expect(command.name).toBe(cmdlet);
  const cmd = configCommand(cmdlet);
  const named: NamedArgument[] = [];
  // The same walk as the pipeline runtime's: `-Name:value`, a bare switch, or `-Name value`.
  for (let i = 0; i < command.elements.length; i++) {
    const el = command.elements[i]!;
    if (el.type !== 'CommandParameter') throw new Error(`unexpected positional argument at ${el.extent.start}`);
    const def = resolveParameter(cmd, el.name, el.extent);
    if (el.argument) named.push({ def, value: await interp.evaluate(el.argument), paramExtent: el.extent });
    else if (def.type === 'SwitchParameter') named.push({ def, value: undefined, paramExtent: el.extent });
    else named.push({ def, value: await interp.evaluate(command.elements[++i] as never), paramExtent: el.extent });
  }
  return named;
}

/** The form's values bound directly, in declaration order (the order the line uses). */
function formArguments(cmdlet: ConfigCmdletName, form: Record<string, FormValue>): NamedArgument[] {
  const cmd = configCommand(cmdlet);
  return cmd.parameters
    .filter((def) => form[def.name] !== undefined && !(def.type === 'SwitchParameter' && form[def.name] === false))
    .map((def) => {
      const raw = form[def.name]!;
      // -0 cannot cross IPC (JSON writes it as 0) and the console has no way to write it either.
      const value = def.type === 'SwitchParameter' && raw === true ? undefined : raw === 0 ? 0 : raw;
      return { def, value, paramExtent: { start: 0, end: 0 } };
    });
}

/** Each argument converted on its own: the value, or the console's message (so one error cannot hide another). */
function conversions(cmdlet: ConfigCmdletName, named: NamedArgument[]): unknown[] {
  return named.map((a) => {
    if (a.value === undefined) return [a.def.name, true];
    try {
      return [a.def.name, convertArgument(cmdlet, a.def, a.value, undefined)];
    } catch (e) {
      if (e instanceof TerminatingError) return [a.def.name, e.record.message];
      throw e;
    }
  });
}

function bindOutcome(cmdlet: ConfigCmdletName, named: NamedArgument[]): unknown {
  try {
    return [...bindCommandLine(configCommand(cmdlet), named, [], { start: 0, end: 0 }).bound];
  } catch (e) {
    if (e instanceof TerminatingError) return e.record.message;
    throw e;
  }
}

const TRICKY = ['', ' ', '40', '-5', '0x1F', '1e3', '10kb', '$x', '$(1)', '`', '`n', '"', "'", "''", '\u2019', '\u201c', '#', '<#', ';', '|', '-WhatIf', 'site:Redmond', 'site:North West', 'global', 'https://a.b/c?d=e&f', 'a\nb', '@"', "@'"];
const text = fc.oneof(
  fc.constantFrom(...TRICKY),
  // Digit strings: the ones written bare must convert exactly as the typed text would.
  fc.stringMatching(/^-?\d{1,22}$/),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
);
const number = fc.oneof(fc.integer(), fc.integer({ min: -600, max: 600 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(-0, 0.5, 2.5, 1e21, 5e-324, 4294967296, 2 ** 53 + 2));
const value: fc.Arbitrary<FormValue> = fc.oneof(text, number, fc.boolean(), fc.constant(null));

const form = fc.constantFrom(...CONFIG_CMDLETS).chain((cmdlet) => {
  const names = configCommand(cmdlet).parameters.map((d) => d.name);
  const shape = Object.fromEntries(names.map((n) => [n, value]));
  return fc.record(shape, { requiredKeys: [] }).map((values) => ({ cmdlet, values: values as Record<string, FormValue> }));
});

describe('buildCommandLine round trip', () => {
  it('the line parses to one command whose arguments are the form values, and binds as they do', async () => {
    await fc.assert(
      fc.asyncProperty(form, async ({ cmdlet, values }) => {
        const { line, args } = layoutCommandLine(cmdlet, values);
        const parsed = await consoleArguments(cmdlet, line);
        expect(parsed.map((a) => [a.def.name, a.value])).toEqual(args.map((a) => [a.def.name, a.value]));
        expect(conversions(cmdlet, parsed)).toEqual(conversions(cmdlet, formArguments(cmdlet, values)));
        expect(bindOutcome(cmdlet, parsed)).toEqual(bindOutcome(cmdlet, formArguments(cmdlet, values)));
      }),
      { numRuns: 500, seed: 424242 },
    );
  });
});
