// Functions, filters, script blocks invoked with `&` / `.`, and script files,
// as commands: their param() block becomes ParameterDefs, so the one binder
// binds them exactly as it binds cmdlets (names, prefixes, positions,
// pipeline input, mandatory prompts), and their body runs in a scope of its
// own (or the caller's, when dot-sourced) with begin/process/end semantics.

import type { AttributeAst, Extent, ParameterAst, ScriptAst, StatementAst } from '../ast';
import type { CommandContext, CommandDef, CommandProcessor, ParameterDef, Bound } from '../commands';
import { bindCommandLine } from '../binder';
import { ConversionError, toBoolean, toPSString } from '../convert';
import { validationError } from '../argument-conversion';
import { ALL_SETS } from '../commands';
import { commonParameterDefs } from '../../cmdlets/config-params';
import { Hashtable, PSObject, ScriptBlock, type Value } from '../values';
import { ErrorRecordObject } from './error-object';
import { MethodError } from './methods';
import { ActionPreferenceStopError, TerminatingError } from '../errors';
import { untilReturn } from './control-flow';
import type { Interpreter } from './interpreter';
import { Scope } from './scope';
import { resolveType, typeNotFoundMessage } from './types';

/** The bound-parameter key under which the pipeline passes a simple function's extra arguments ($args). */
export const EXTRA_ARGUMENTS = '$args';

export type ScriptKind = 'function' | 'filter' | 'scriptblock' | 'script';

/**
 * $PSCmdlet in an advanced function: ShouldProcess (with -WhatIf/-Confirm as
 * the function was called), WriteError, WriteVerbose, WriteWarning,
 * ThrowTerminatingError and ParameterSetName.
 */
export class CmdletObject extends PSObject {
  constructor(
    private readonly ctx: CommandContext,
    parameterSetName: string,
  ) {
    super('System.Management.Automation.PSScriptCmdlet', [
      ['ParameterSetName', parameterSetName],
      ['MyInvocation', new PSObject('System.Management.Automation.InvocationInfo', [['MyCommand', ctx.commandName], ['InvocationName', ctx.commandName]])],
    ]);
  }

  async invoke(name: string, args: readonly Value[]): Promise<Value> {
    switch (name.toLowerCase()) {
      case 'shouldprocess':
        // ShouldProcess(target) or ShouldProcess(target, action).
        return this.ctx.shouldProcess(toPSString(args[0] ?? null), args.length > 1 ? toPSString(args[1]!) : undefined);
      case 'shouldcontinue':
        return true;
      case 'writeverbose':
        await this.ctx.writeVerbose(toPSString(args[0] ?? null));
        return null;
      case 'writewarning':
        await this.ctx.writeWarning(toPSString(args[0] ?? null));
        return null;
      case 'writeobject':
        for (const v of args[1] === true ? enumerateValue(args[0] ?? null) : [args[0] ?? null]) await this.ctx.emit(v);
        return null;
      case 'writeerror':
      case 'throwterminatingerror': {
        const record = args[0];
        const data = record instanceof ErrorRecordObject ? record.record : { message: toPSString(record ?? null), errorId: 'RuntimeException', category: 'NotSpecified' as const, exceptionType: 'RuntimeException', command: '', target: '' };
        if (name.toLowerCase() === 'writeerror') {
          await this.ctx.writeError(data);
          return null;
        }
        throw new ActionPreferenceStopError(data);
      }
      default:
        throw new MethodError(`Method invocation failed because [System.Management.Automation.PSScriptCmdlet] does not contain a method named '${name}'.`, 'MethodNotFound', `${name}:String`);
    }
  }
}

function enumerateValue(v: Value): Value[] {
  return Array.isArray(v) ? v : [v];
}

/** A function as stored in a scope. */
export class ScriptFunction {
  constructor(
    readonly name: string,
    readonly block: ScriptBlock,
    readonly isFilter: boolean,
  ) {}
}

function attribute(attrs: readonly AttributeAst[], name: string): AttributeAst | undefined {
  return attrs.find((a) => a.name.toLowerCase() === name.toLowerCase() || a.name.toLowerCase() === `system.management.automation.${name.toLowerCase()}`);
}

/** A validation, run on the bound value; returns PowerShell's message or null. */
type Validation = (value: Value, interp: Interpreter) => Promise<string | null>;
/** A validation that needs no script: run while binding, so its error points at the argument. */
type SyncValidation = (value: Value) => string | null;

/** A validation attribute's refusal, raised inside a parameter's conversion; the binder words and places it. */
export class ValidationProblem extends Error {
  override name = 'ValidationProblem';
}

interface ScriptParameter {
  readonly def: ParameterDef;
  readonly ast: ParameterAst;
  readonly validations: readonly Validation[];
}

const SHOULD_PROCESS: ParameterDef[] = [
  { name: 'WhatIf', type: 'SwitchParameter', aliases: ['wi'], mandatory: false, pipeline: [], help: 'Shows what would happen without doing it.', common: true },
  { name: 'Confirm', type: 'SwitchParameter', aliases: ['cf'], mandatory: false, pipeline: [], help: 'Asks for confirmation before each change.', common: true },
];

async function attributeValues(interp: Interpreter, attr: AttributeAst): Promise<Value[]> {
  const out: Value[] = [];
  for (const e of attr.positional) out.push(await interp.evaluate(e));
  return out.flatMap((v) => (Array.isArray(v) ? v : [v]));
}

async function namedValue(interp: Interpreter, attr: AttributeAst | undefined, name: string): Promise<Value | undefined> {
  const arg = attr?.named.find((n) => n.name.toLowerCase() === name.toLowerCase());
  if (!arg) return undefined;
  return arg.value === null ? true : interp.evaluate(arg.value);
}

function shown(v: Value): string {
  return toPSString(v);
}

/** The validation attributes PowerShell's messages exist for. */
async function validationsOf(interp: Interpreter, attrs: readonly AttributeAst[]): Promise<{ sync: SyncValidation[]; async: Validation[] }> {
  const out: Validation[] = [];
  const sync: SyncValidation[] = [];
  for (const attr of attrs) {
    const name = attr.name.toLowerCase().replace(/^system\.management\.automation\./, '').replace(/attribute$/, '');
    const args = await attributeValues(interp, attr);
    switch (name) {
      case 'validateset': {
        const set = args.map(shown);
        sync.push((v) =>
          v === null || set.some((s) => s.toLowerCase() === shown(v).toLowerCase())
            ? null
            : `The argument "${shown(v)}" does not belong to the set "${set.join(',')}" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again.`,
        );
        break;
      }
      case 'validaterange': {
        const [min, max] = [Number(args[0]), Number(args[1])];
        sync.push((v) => {
          const n = Number(v);
          if (n < min) return `The ${shown(v)} argument is less than the minimum allowed range of ${shown(args[0] ?? null)}. Supply an argument that is greater than or equal to ${shown(args[0] ?? null)} and then try the command again.`;
          if (n > max) return `The ${shown(v)} argument is greater than the maximum allowed range of ${shown(args[1] ?? null)}. Supply an argument that is less than or equal to ${shown(args[1] ?? null)} and then try the command again.`;
          return null;
        });
        break;
      }
      case 'validatenotnull':
        sync.push((v) => (v === null ? 'The argument is null. Provide a valid value for the argument, and then run the command again.' : null));
        break;
      case 'validatenotnullorempty':
        sync.push((v) =>
          v === null || v === '' || (Array.isArray(v) && v.length === 0)
            ? 'The argument is null or empty. Provide an argument that is not null or empty, and then try the command again.'
            : null,
        );
        break;
      case 'validatepattern': {
        const pattern = shown(args[0] ?? null);
        const re = new RegExp(pattern, 'i');
        sync.push((v) =>
          re.test(shown(v)) ? null : `The argument "${shown(v)}" does not match the "${pattern}" pattern. Supply an argument that matches "${pattern}" and try the command again.`,
        );
        break;
      }
      case 'validatelength': {
        const [min, max] = [Number(args[0]), Number(args[1])];
        sync.push((v) => {
          const n = shown(v).length;
          if (n < min) return `The character length of the ${n} argument is too short. Specify an argument with a length that is greater than or equal to "${min}", and then try the command again.`;
          if (n > max) return `The character length (${n}) of the argument is too long. Shorten the character length of the argument so it is fewer than or equal to "${max}" characters, and then try the command again.`;
          return null;
        });
        break;
      }
      case 'validatecount': {
        const [min, max] = [Number(args[0]), Number(args[1])];
        sync.push((v) => {
          const n = Array.isArray(v) ? v.length : 1;
          if (n < min) return `The parameter requires at least ${min} value(s) and only ${n} value(s) were supplied.`;
          if (n > max) return `The parameter requires at most ${max} value(s) but ${n} value(s) were supplied.`;
          return null;
        });
        break;
      }
      case 'validatescript': {
        const block = args[0];
        if (block instanceof ScriptBlock) {
          out.push(async (v, i) =>
            toBoolean(collapseValues(await i.invokeBlock(block, v)))
              ? null
              : `The "${block.text}" validation script for the argument with value "${shown(v)}" did not return a result of True. Determine why the validation script failed, and then try the command again.`,
          );
        }
        break;
      }
      default:
        break;
    }
  }
  return { sync, async: out };
}

function collapseValues(values: Value[]): Value {
  return values.length === 1 ? values[0]! : values;
}

/** The ParameterDefs of a param block (or a function's parameter list). */
async function scriptParameters(interp: Interpreter, body: ScriptAst): Promise<{ params: ScriptParameter[]; advanced: boolean; shouldProcess: boolean }> {
  const block = body.paramBlock;
  if (!block) return { params: [], advanced: false, shouldProcess: false };
  const binding = attribute(block.attributes, 'CmdletBinding');
  const advanced = binding !== undefined || block.parameters.some((p) => attribute(p.attributes, 'Parameter') !== undefined);
  const shouldProcess = toBoolean((await namedValue(interp, binding, 'SupportsShouldProcess')) ?? false);
  const explicitPositions = block.parameters.some((p) => p.attributes.some((a) => a.named.some((n) => n.name.toLowerCase() === 'position')));
  const params: ScriptParameter[] = [];
  let nextPosition = 0;
  for (const p of block.parameters) {
    const parameterAttr = attribute(p.attributes, 'Parameter');
    const typeName = p.types[p.types.length - 1]?.name;
    const type = typeName === undefined ? null : resolveType(typeName);
    if (typeName !== undefined && type === null) {
      throw new TerminatingError({
        message: typeNotFoundMessage(typeName),
        errorId: 'TypeNotFound',
        category: 'InvalidOperation',
        exceptionType: 'RuntimeException',
        command: '',
        target: `${typeName}:TypeName`,
        extent: p.types[p.types.length - 1]!.extent,
      });
    }
    const isSwitch = type?.name === 'SwitchParameter';
    const positionValue = await namedValue(interp, parameterAttr, 'Position');
    const position = positionValue !== undefined ? Number(positionValue) : explicitPositions || isSwitch ? undefined : nextPosition++;
    const aliasAttr = attribute(p.attributes, 'Alias');
    const pipeline: ParameterDef['pipeline'][number][] = [];
    if (toBoolean((await namedValue(interp, parameterAttr, 'ValueFromPipeline')) ?? false)) pipeline.push('ByValue');
    if (toBoolean((await namedValue(interp, parameterAttr, 'ValueFromPipelineByPropertyName')) ?? false)) pipeline.push('ByPropertyName');
    const setName = await namedValue(interp, parameterAttr, 'ParameterSetName');
    const helpMessage = await namedValue(interp, parameterAttr, 'HelpMessage');
    const def: ParameterDef = {
      name: p.name.replace(/^(?:global|script|local|private):/i, ''),
      type: isSwitch ? 'SwitchParameter' : 'Object',
      aliases: aliasAttr ? (await attributeValues(interp, aliasAttr)).map(shown) : [],
      mandatory: toBoolean((await namedValue(interp, parameterAttr, 'Mandatory')) ?? false),
      pipeline,
      help: helpMessage === undefined ? '' : shown(helpMessage),
      ...(position !== undefined && !Number.isNaN(position) ? { position } : {}),
      ...(setName !== undefined && setName !== null && shown(setName) !== ALL_SETS ? { sets: [shown(setName)] } : {}),
      ...(type && !isSwitch && type.convert ? { convert: type.convert, typeName: type.fullName } : {}),
    };
    const { sync, async: validations } = await validationsOf(interp, p.attributes);
    const convert = def.convert;
    // Conversion, then the validation attributes, as PowerShell binds: both inside the binder's conversion step.
    const checked: ParameterDef =
      sync.length === 0
        ? def
        : {
            ...def,
            convert: (value) => {
              const v = convert ? convert(value) : value;
              for (const validate of sync) {
                const problem = validate(v);
                if (problem) throw new ValidationProblem(problem);
              }
              return v;
            },
          };
    params.push({ def: checked, ast: p, validations });
  }
  return { params, advanced, shouldProcess };
}

/** The parameter sets the parameters name, the default (or the first named) first. */
function parameterSets(params: readonly ScriptParameter[], defaultSet: string | undefined): string[] {
  const named = [...new Set(params.flatMap((p) => p.def.sets ?? []))];
  if (named.length === 0) return [ALL_SETS];
  const first = defaultSet && named.includes(defaultSet) ? defaultSet : named[0]!;
  return [first, ...named.filter((s) => s !== first)];
}

export interface ScriptInvocation {
  readonly name: string;
  readonly block: ScriptBlock;
  readonly kind: ScriptKind;
  /** Runs in the caller's scope (`.`) instead of a new one. */
  readonly dotSourced: boolean;
  /** For a script file: its full path ($PSScriptRoot, $PSCommandPath, positions). */
  readonly path?: string;
}

/**
 * The command for a function, script block or script file. Built per call,
 * since attribute arguments are expressions evaluated where the call happens.
 */
export async function scriptCommand(interp: Interpreter, inv: ScriptInvocation): Promise<CommandDef> {
  const body = inv.block.ast.body;
  const { params, advanced, shouldProcess } = await interp.withOrigin(inv.block.origin, () => scriptParameters(interp, body));
  const binding = body.paramBlock ? attribute(body.paramBlock.attributes, 'CmdletBinding') : undefined;
  const defaultSet = binding ? await namedValue(interp, binding, 'DefaultParameterSetName') : undefined;
  const extra = advanced ? [...(shouldProcess ? SHOULD_PROCESS : []), ...commonParameterDefs()] : [];
  const own = params.map((p) => p.def);
  const ownNames = new Set(own.map((d) => d.name.toLowerCase()));
  const def: CommandDef = {
    name: inv.name,
    parameters: [...own, ...extra.filter((d) => !ownNames.has(d.name.toLowerCase()))],
    sets: parameterSets(params, defaultSet === undefined ? undefined : shown(defaultSet)),
    supportsShouldProcess: shouldProcess,
    help: { synopsis: '', description: '', examples: [] },
    source: '',
    isScript: true,
    takesExtraArguments: !advanced,
    create: (ctx) => new ScriptProcessor(interp, inv, params, advanced, ctx),
  };
  return def;
}

/** Runs a script's begin/process/end (or its body once, with pipeline input as $input). */
class ScriptProcessor implements CommandProcessor {
  private scope!: Scope;
  private readonly input: Value[] = [];
  private bound: Bound = new Map();

  constructor(
    private readonly interp: Interpreter,
    private readonly inv: ScriptInvocation,
    private readonly params: readonly ScriptParameter[],
    private readonly advanced: boolean,
    private readonly ctx: CommandContext,
  ) {
    this.emit = (v) => ctx.emit(v);
    this.callExtent = ctx.extent;
  }

  private readonly emit: (value: Value) => Promise<void>;
  /** The call's extent in the caller's source: where binding and validation errors point. */
  private readonly callExtent: Extent;

  private get blocks(): { begin: readonly StatementAst[] | null; process: readonly StatementAst[] | null; end: readonly StatementAst[] | null } {
    const body = this.inv.block.ast.body;
    if (body.namedBlocks) return body.namedBlocks;
    if (this.inv.kind === 'filter') return { begin: null, process: body.statements, end: null };
    return { begin: null, process: null, end: body.statements };
  }

  /** Runs statements in the script's scope, with its origin for error positions. */
  private async run(statements: readonly StatementAst[] | null, current: Value, extraVariables: (scope: Scope) => void = () => {}): Promise<void> {
    if (statements === null) return;
    const interp = this.interp;
    await interp.withOrigin(this.inv.block.origin, () =>
      interp.variables.inChildScope(
        this.inv.kind === 'script',
        async () => {
          extraVariables(this.scope);
          const saved = interp.variables.current;
          interp.variables.current = current;
          try {
            // Each call is a level of the call depth PowerShell limits (endless recursion ends with its error).
            await interp.nested(() => untilReturn(() => interp.runStatements(statements, this.emit)));
          } finally {
            interp.variables.current = saved;
          }
        },
        this.scope,
      ),
    );
  }

  async begin(bound: Bound): Promise<void> {
    this.scope = this.inv.dotSourced ? this.interp.variables.scope : new Scope(this.interp.variables.scope, this.inv.kind === 'script');
    this.bound = bound;
    await this.bindParameters(bound);
    await this.run(this.blocks.begin, null);
  }

  /** Sets the parameter variables (bound values, else defaults), $PSBoundParameters, $args and the preference overrides. */
  private async bindParameters(bound: Bound): Promise<void> {
    const interp = this.interp;
    const vars = this.scope.vars;
    const set = (name: string, value: Value) => vars.set(name.toLowerCase(), { name, value });
    const boundTable = new Hashtable();
    // Validation errors are the caller's: they point at the call, as PowerShell's do.
    for (const p of this.params) {
      if (!bound.has(p.def.name)) continue;
      for (const validate of p.validations) {
        const problem = await validate(bound.get(p.def.name)!, interp);
        if (problem) throw validationError(this.inv.name, p.def, problem, this.callExtent);
      }
    }
    await interp.withOrigin(this.inv.block.origin, () =>
      interp.variables.inChildScope(
        false,
        async () => {
          for (const p of this.params) {
            let value: Value;
            if (bound.has(p.def.name)) {
              value = bound.get(p.def.name)!;
              boundTable.set(p.def.name, value);
            } else if (p.ast.defaultValue) {
              value = await interp.evaluate(p.ast.defaultValue);
              if (p.def.convert) {
                try {
                  value = p.def.convert(value);
                } catch (e) {
                  if (!(e instanceof ConversionError)) throw e;
                }
              }
            } else {
              value = p.def.type === 'SwitchParameter' ? false : p.def.convert && p.def.typeName !== 'System.Object' && !p.def.typeName?.endsWith('[]') ? safeDefault(p.def) : null;
            }
            set(p.def.name, value);
          }
        },
        this.scope,
      ),
    );
    if (this.advanced) {
      for (const [name, value] of bound) if (name !== EXTRA_ARGUMENTS && !this.params.some((p) => p.def.name === name)) boundTable.set(name, value);
      // -ErrorAction, -Verbose, -WhatIf and -Confirm on an advanced function set its preference variables.
      const pref = (variable: string, value: Value) => this.interp.variables.inChildScope(false, async () => this.interp.variables.set(variable, value), this.scope);
      if (bound.has('ErrorAction')) await pref('ErrorActionPreference', bound.get('ErrorAction')!);
      if (bound.has('WarningAction')) await pref('WarningPreference', bound.get('WarningAction')!);
      if (bound.get('Verbose') === true) await pref('VerbosePreference', 'Continue');
      if (bound.has('WhatIf')) await pref('WhatIfPreference', bound.get('WhatIf')!);
      if (bound.get('Confirm') === true) await pref('ConfirmPreference', 'Low');
    }
    set('PSBoundParameters', boundTable);
    if (this.advanced) set('PSCmdlet', new CmdletObject(this.ctx, ''));
    set('args', (bound.get(EXTRA_ARGUMENTS) as Value[] | undefined) ?? []);
    if (this.inv.path) {
      const dir = this.inv.path.replace(/[\\/][^\\/]*$/, '');
      set('PSScriptRoot', dir);
      set('PSCommandPath', this.inv.path);
    }
  }

  async process(bound: Bound, input: { value: Value } | undefined): Promise<void> {
    const blocks = this.blocks;
    if (blocks.process === null) {
      if (input) this.input.push(input.value);
      return;
    }
    // Parameters bound from this item are re-set before each process run.
    if (input) {
      for (const p of this.params) if (bound.has(p.def.name) && !this.bound.has(p.def.name)) this.scope.vars.set(p.def.name.toLowerCase(), { name: p.def.name, value: bound.get(p.def.name)! });
    }
    await this.run(blocks.process, input ? input.value : null, (scope) => scope.vars.set('input', { name: 'input', value: input ? [input.value] : [] }));
  }

  async end(): Promise<void> {
    const input = this.input;
    await this.run(this.blocks.end, null, (scope) => scope.vars.set('input', { name: 'input', value: input }));
  }
}

/** The value an unbound typed parameter starts with: [int]$n is 0, [string]$s is ''. */
function safeDefault(def: ParameterDef): Value {
  try {
    return def.convert!(null);
  } catch {
    return null;
  }
}

/** `$sb.Invoke(1, 2)` / `$sb.InvokeReturnAsIs(…)`: the arguments bind positionally to its param() block; returns its output. */
export async function callScriptBlock(interp: Interpreter, block: ScriptBlock, args: readonly Value[], extent: Extent): Promise<Value[]> {
  const cmd = await scriptCommand(interp, { name: '', block, kind: 'scriptblock', dotSourced: false });
  const overflow: { value: Value; extent: Extent }[] = [];
  const state = bindCommandLine(cmd, [], args.map((value) => ({ value, extent })), extent, overflow);
  state.bound.set(EXTRA_ARGUMENTS, overflow.map((a) => a.value));
  const out: Value[] = [];
  const processor = cmd.create({ extent, emit: async (v: Value) => void out.push(v) } as unknown as CommandContext);
  await processor.begin?.(state.bound);
  await processor.process(state.bound, undefined);
  await processor.end?.();
  return out;
}
