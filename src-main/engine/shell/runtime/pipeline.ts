// Running a pipeline: resolve every command and bind its command line first
// (a binding error in the last command stops the first from running, as in
// PowerShell), then begin all, stream items through process, end in order.
// Commands are functions, built-in commands or script files, in that order;
// `&`/`.` may name them by an expression or run a script block. Splatted
// arguments and redirections are applied here too.

import type { CommandAst, CommandElementAst, CommandExpressionAst, Extent, PipelineAst, RedirectionAst } from '../ast';
import { bindCommandLine, missingArgumentError, resolveParameter, type NamedArgument, type PositionalArgument } from '../binder';
import type { CommandDef, ParameterDef } from '../commands';
import { toPSString } from '../convert';
import { errorRecord, TerminatingError } from '../errors';
import { formatForHost } from '../format/out-default';
import { enumerate, Hashtable, ScriptBlock, type Value } from '../values';
import { EXTRA_ARGUMENTS, ScriptFunction, scriptCommand } from './functions';
import type { Emit, Interpreter } from './interpreter';
import { loadScriptFile, looksLikePath } from './script-files';
import { Stage, type StreamRedirection } from './stage';

function commandNotFound(ast: Pick<CommandAst, 'name' | 'nameExtent'>): TerminatingError {
  return new TerminatingError(
    errorRecord({
      message: `The term '${ast.name}' is not recognized as the name of a cmdlet, function, script file, or operable program. Check the spelling of the name, or if a path was included, verify that the path is correct and try again.`,
      errorId: 'CommandNotFoundException',
      category: 'ObjectNotFound',
      exceptionType: 'CommandNotFoundException',
      target: `${ast.name}:String`,
      extent: ast.nameExtent,
    }),
  );
}

/** The command `ast` names: a function, a built-in, a script file, or what `&`/`.` evaluate to. */
async function resolveCommand(interp: Interpreter, ast: CommandAst): Promise<CommandDef> {
  const dotSourced = ast.invocation === 'dot';
  let name = ast.name;
  if (ast.nameExpression) {
    const target = await interp.evaluate(ast.nameExpression);
    if (target instanceof ScriptBlock) return scriptCommand(interp, { name: '', block: target, kind: 'scriptblock', dotSourced });
    if (target instanceof ScriptFunction) return scriptCommand(interp, { name: target.name, block: target.block, kind: target.isFilter ? 'filter' : 'function', dotSourced });
    name = toPSString(target);
  }
  const fn = interp.variables.findFunction(name);
  if (fn instanceof ScriptFunction) return scriptCommand(interp, { name: fn.name, block: fn.block, kind: fn.isFilter ? 'filter' : 'function', dotSourced });
  const builtin = looksLikePath(name) ? undefined : interp.commands.find(name);
  if (builtin) return builtin;
  if (looksLikePath(name) || /\.ps1$/i.test(name)) {
    const script = await loadScriptFile(interp, name, ast.nameExtent);
    if (script) return scriptCommand(interp, { name: script.path.replace(/^.*[\\/]/, ''), block: script.block, kind: 'script', dotSourced, path: script.path });
  }
  throw commandNotFound({ ...ast, name });
}

/** The parameter a splatted key names; a simple function takes unknown names into $args. */
function tryResolve(cmd: CommandDef, name: string, extent: Extent): ParameterDef | null {
  try {
    return resolveParameter(cmd, name, extent);
  } catch (e) {
    if (cmd.takesExtraArguments && e instanceof TerminatingError && e.record.errorId === 'NamedParameterNotFound') return null;
    throw e;
  }
}

/** Resolves the command, evaluates its arguments left to right and binds the command line. */
async function prepare(interp: Interpreter, ast: CommandAst): Promise<{ cmd: CommandDef; stage: Stage }> {
  const cmd = await resolveCommand(interp, ast);
  // `<command> -?` shows the command's help instead of running it, as 5.1 does.
  const help = !cmd.isScript && ast.elements.some((el) => el.type === 'CommandParameter' && el.name === '?') ? interp.commands.find('Get-Help') : undefined;
  if (help) {
    const state = bindCommandLine(help, [], [{ value: cmd.name, extent: ast.nameExtent }], ast.extent);
    return { cmd: help, stage: new Stage(interp, help, ast, state) };
  }
  const named: NamedArgument[] = [];
  const positional: PositionalArgument[] = [];
  const extras: PositionalArgument[] = [];
  const elements: readonly CommandElementAst[] = ast.elements;
  for (let i = 0; i < elements.length; i++) {
    const el = elements[i]!;
    if (el.type === 'Splat') {
      const value = interp.variables.get(el.name);
      if (value instanceof Hashtable) {
        for (const [key, v] of value.entries()) {
          const def = tryResolve(cmd, toPSString(key), el.extent);
          if (def === null) extras.push({ value: `-${toPSString(key)}:`, extent: el.extent }, { value: v, extent: el.extent });
          else named.push({ def, value: v, paramExtent: el.extent, argExtent: el.extent });
        }
      } else {
        for (const v of enumerate(value)) positional.push({ value: v, extent: el.extent });
      }
      continue;
    }
    if (el.type !== 'CommandParameter') {
      positional.push({ value: await interp.evaluate(el), extent: el.extent });
      continue;
    }
    const def = tryResolve(cmd, el.name, el.extent);
    if (def === null) {
      // A simple function: `-Name` it does not declare is text in $args (with its argument, if colon-joined).
      extras.push({ value: el.argument ? `-${el.name}:` : `-${el.name}`, extent: el.extent });
      if (el.argument) extras.push({ value: await interp.evaluate(el.argument), extent: el.argument.extent });
      continue;
    }
    if (el.argument) {
      named.push({ def, value: await interp.evaluate(el.argument), paramExtent: el.extent, argExtent: el.argument.extent });
    } else if (def.type === 'SwitchParameter') {
      named.push({ def, value: undefined, paramExtent: el.extent });
    } else {
      const next = elements[i + 1];
      if (!next || next.type === 'CommandParameter' || next.type === 'Splat') throw missingArgumentError(cmd, def, el.extent);
      named.push({ def, value: await interp.evaluate(next), paramExtent: el.extent, argExtent: next.extent });
      i++;
    }
  }
  const state = bindCommandLine(cmd, named, positional, ast.extent, cmd.takesExtraArguments ? extras : undefined);
  if (cmd.takesExtraArguments) state.bound.set(EXTRA_ARGUMENTS, extras.sort((a, b) => a.extent.start - b.extent.start).map((a) => a.value));
  return { cmd, stage: new Stage(interp, cmd, ast, state, streamRedirection(ast.redirections)) };
}

/** What a command's redirections do to its error and warning streams. */
function streamRedirection(redirections: readonly RedirectionAst[] | undefined): StreamRedirection {
  const out: { errors: StreamRedirection['errors']; warnings: StreamRedirection['warnings'] } = { errors: 'show', warnings: 'show' };
  for (const r of redirections ?? []) {
    const to = r.to.kind === 'merge' ? 'output' : isNullPath(r) ? 'null' : 'show';
    if (r.from === '2' || r.from === '*') out.errors = to;
    if (r.from === '3' || r.from === '*') out.warnings = to;
  }
  return out;
}

function isNullPath(r: RedirectionAst): boolean {
  return r.to.kind === 'file' && r.to.path.type === 'Variable' && r.to.path.name.toLowerCase() === 'null';
}

/** The output redirection (`> file`, `>> file`, `> $null`) of the last element, if any. */
function outputRedirection(element: CommandAst | CommandExpressionAst): RedirectionAst | undefined {
  return [...(element.redirections ?? [])].reverse().find((r) => (r.from === '1' || r.from === '*') && r.to.kind === 'file');
}

/** Sends the output of a statement to a file (or nowhere) as Out-File would, instead of on down the line. */
async function redirectOutput(interp: Interpreter, redirection: RedirectionAst, run: (emit: Emit) => Promise<void>): Promise<void> {
  if (isNullPath(redirection)) return run(async () => {});
  const values: Value[] = [];
  await run(async (v) => {
    values.push(v);
  });
  if (redirection.to.kind !== 'file') return;
  const target = toPSString(await interp.evaluate(redirection.to.path));
  const lines = formatForHost(values, { width: 120 });
  await interp.writeRedirectedText(target, lines, redirection.to.append, redirection.extent);
}

/** An expression statement with redirections: `$report > report.txt`. */
export async function runRedirectedExpression(interp: Interpreter, element: CommandExpressionAst, value: Value, emit: Emit): Promise<void> {
  const redirection = outputRedirection(element);
  const send = async (out: Emit) => {
    for (const item of enumerate(value)) await out(item);
  };
  return redirection ? redirectOutput(interp, redirection, send) : send(emit);
}

export async function runPipeline(interp: Interpreter, pipeline: PipelineAst, emit: Emit): Promise<void> {
  const last = pipeline.elements[pipeline.elements.length - 1]!;
  const redirection = outputRedirection(last);
  if (redirection) return redirectOutput(interp, redirection, (out) => runStages(interp, pipeline, out));
  return runStages(interp, pipeline, emit);
}

async function runStages(interp: Interpreter, pipeline: PipelineAst, emit: Emit): Promise<void> {
  const first = pipeline.elements[0]!;
  const stages: Stage[] = [];
  for (const element of pipeline.elements) {
    if (element.type === 'CommandExpression') continue;
    stages.push((await prepare(interp, element)).stage);
  }
  stages.forEach((stage, i) => {
    const next = stages[i + 1];
    stage.downstream = next ? (v) => next.receive(v) : emit;
  });

  for (const stage of stages) await stage.begin();
  if (first.type === 'CommandExpression') {
    const value = await interp.evaluate(first.expression);
    for (const item of enumerate(value)) await stages[0]!.receive(item); // receive checks for Stop
  } else {
    await stages[0]!.runFirst();
  }
  for (const stage of stages) await stage.end();
}
