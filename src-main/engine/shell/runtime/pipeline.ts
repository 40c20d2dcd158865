// Running a pipeline: resolve every command and bind its command line first
// (a binding error in the last command stops the first from running, as in
// PowerShell), then begin all, stream items through process, end in order.

import type { CommandAst, CommandElementAst, PipelineAst } from '../ast';
import { bindCommandLine, missingArgumentError, resolveParameter, type NamedArgument, type PositionalArgument } from '../binder';
import type { CommandDef } from '../commands';
import { errorRecord, TerminatingError } from '../errors';
import { enumerate } from '../values';
import type { Emit, Interpreter } from './interpreter';
import { Stage } from './stage';

function commandNotFound(ast: CommandAst): TerminatingError {
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

/** Resolves the command, evaluates its arguments left to right and binds the command line. */
async function prepare(interp: Interpreter, ast: CommandAst): Promise<{ cmd: CommandDef; stage: Stage }> {
  const cmd = interp.commands.find(ast.name);
  if (!cmd) throw commandNotFound(ast);
  // `<command> -?` shows the command's help instead of running it, as 5.1 does.
  const help = ast.elements.some((el) => el.type === 'CommandParameter' && el.name === '?') ? interp.commands.find('Get-Help') : undefined;
  if (help) {
    const state = bindCommandLine(help, [], [{ value: cmd.name, extent: ast.nameExtent }], ast.extent);
    return { cmd: help, stage: new Stage(interp, help, ast, state) };
  }
  const named: NamedArgument[] = [];
  const positional: PositionalArgument[] = [];
  const elements: readonly CommandElementAst[] = ast.elements;
  for (let i = 0; i < elements.length; i++) {
    const el = elements[i]!;
    if (el.type !== 'CommandParameter') {
      positional.push({ value: await interp.evaluate(el), extent: el.extent });
      continue;
    }
    const def = resolveParameter(cmd, el.name, el.extent);
    if (el.argument) {
      named.push({ def, value: await interp.evaluate(el.argument), paramExtent: el.extent, argExtent: el.argument.extent });
    } else if (def.type === 'SwitchParameter') {
      named.push({ def, value: undefined, paramExtent: el.extent });
    } else {
      const next = elements[i + 1];
      if (!next || next.type === 'CommandParameter') throw missingArgumentError(cmd, def, el.extent);
      named.push({ def, value: await interp.evaluate(next), paramExtent: el.extent, argExtent: next.extent });
      i++;
    }
  }
  const state = bindCommandLine(cmd, named, positional, ast.extent);
  return { cmd, stage: new Stage(interp, cmd, ast, state) };
}

export async function runPipeline(interp: Interpreter, pipeline: PipelineAst, emit: Emit): Promise<void> {
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
