// Writing values: assignment statements (`=`, `+=`, …) and the increment and
// decrement operators (`$i++`, `--$x.Count`). Both resolve their target once
// — a variable, a property, or an array or hashtable element — then read and
// write that place, so the target's own sub-expressions run only once.

import type { ArrayLiteralExpr, AssignmentAst, ConvertExpr, Extent, IncrementExpr } from '../ast';
import { ConversionError, targetText, toPSString } from '../convert';
import { resolveType, typeNotFoundMessage } from './types';
import { errorRecord, runtimeError, TerminatingError } from '../errors';
import { getProperty } from '../members';
import { arithmetic } from '../operators';
import { Hashtable, PSObject, ReadOnlyPropertyError, typeNameOf, type Value } from '../values';
import { getStaticProperty, setStaticProperty } from './static-members';
import type { Interpreter } from './interpreter';

interface Place {
  read(): Value;
  write(value: Value): void;
}

type Target = AssignmentAst['target'];

function setMember(interp: Interpreter, obj: Value, name: string, value: Value, extent: Extent): void {
  if (obj instanceof Hashtable) return obj.set(name, value);
  if (obj instanceof PSObject && obj.has(name)) {
    try {
      obj.set(name, value);
    } catch (e) {
      if (e instanceof ReadOnlyPropertyError) throw runtimeError(e.message, 'PropertyAssignmentException', interp.here(extent), 'InvalidOperation');
      throw runtimeError((e as Error).message, 'ExceptionWhenSetting', interp.here(extent), 'NotSpecified', 'SetValueInvocationException');
    }
    return;
  }
  throw runtimeError(
    `The property '${name}' cannot be found on this object. Verify that the property exists and can be set.`,
    'PropertyAssignmentException',
    interp.here(extent),
    'InvalidOperation',
  );
}

function setElement(interp: Interpreter, obj: Value, index: Value, value: Value, extent: Extent): void {
  if (Array.isArray(obj)) {
    const i = interp.operate(() => Number(arithmetic('+', 0, index)), extent);
    const at = i < 0 ? obj.length + i : i;
    if (!Number.isInteger(at) || at < 0 || at >= obj.length) {
      throw runtimeError('Index was outside the bounds of the array.', 'IndexOutOfRange', interp.here(extent), 'InvalidOperation', 'IndexOutOfRangeException');
    }
    obj[at] = value;
  } else if (obj instanceof Hashtable) {
    obj.set(index, value);
  } else {
    throw runtimeError(`Unable to index into an object of type ${obj === null ? 'null' : typeNameOf(obj)}.`, 'CannotIndex', interp.here(extent));
  }
}

async function placeOf(interp: Interpreter, target: Target | ConvertExpr | ArrayLiteralExpr): Promise<Place> {
  if (target.type === 'ArrayLiteral') throw runtimeError('The assignment expression is not valid.', 'InvalidLeftHandSide', interp.here(target.extent));
  if (target.type === 'Convert' && target.operand.type === 'Variable') {
    // `[int]$x = …`: the variable keeps the type for later assignments too, as in PowerShell.
    const variable = target.operand;
    const type = resolveType(target.typeName);
    if (type === null || !type.convert) {
      throw runtimeError(typeNotFoundMessage(target.typeName), 'TypeNotFound', interp.here(target.extent));
    }
    const convert = type.convert;
    interp.variables.constrain(variable.name, (v) => {
      try {
        return { ok: true, value: convert(v) };
      } catch (e) {
        if (e instanceof ConversionError) return { ok: false, message: e.message };
        throw e;
      }
    });
    return placeOf(interp, variable);
  }
  if (target.type === 'Convert') throw runtimeError('The assignment expression is not valid.', 'InvalidLeftHandSide', interp.here(target.extent));
  if (target.type === 'Variable') {
    return {
      read: () => interp.variables.get(target.name),
      write: (value) => interp.variables.set(target.name, value, interp.here(target.extent)),
    };
  }
  const obj = await interp.evaluate(target.target);
  if (target.type === 'Member') {
    const name = typeof target.member === 'string' ? target.member : toPSString(await interp.evaluate(target.member));
    if (target.isStatic) {
      // `[Console]::OutputEncoding = …`
      const type = interp.operate(() => interp.staticTarget(obj), target.extent);
      return {
        read: () => interp.operate(() => getStaticProperty(type, name), target.extent),
        write: (value) => interp.operate(() => setStaticProperty(type, name, value), target.extent),
      };
    }
    return { read: () => getProperty(obj, name), write: (value) => setMember(interp, obj, name, value, target.extent) };
  }
  const index = await interp.evaluate(target.index);
  return {
    read: () => interp.indexValue(obj, index, target.extent),
    write: (value) => setElement(interp, obj, index, value, target.extent),
  };
}

/** `target = value` and the compound forms (`+=` reads the place, adds, writes back). */
export async function assign(interp: Interpreter, a: AssignmentAst): Promise<void> {
  let value = await interp.valueOfStatement(a.value);
  if (a.target.type === 'ArrayLiteral') {
    const items = value === null ? [] : Array.isArray(value) ? value : [value];
    const targets = a.target.elements as Target[];
    for (let i = 0; i < targets.length; i++) {
      const rest = i === targets.length - 1 ? items.slice(i) : items.slice(i, i + 1);
      const place = await placeOf(interp, targets[i]!);
      place.write(rest.length === 0 ? null : rest.length === 1 ? rest[0]! : rest);
    }
    return;
  }
  const place = await placeOf(interp, a.target);
  if (a.operator !== '=') {
    const current = place.read();
    const right = value;
    value = interp.operate(() => arithmetic(a.operator[0]!, current, right), a.extent);
  }
  place.write(value);
}

/**
 * `++` / `--`: $null counts as 0; anything but a number is PowerShell's
 * OperatorRequiresNumber error (a string is not converted, unlike `+ 1`).
 * Prefix gives the new value, postfix the old one.
 */
export async function increment(interp: Interpreter, expr: IncrementExpr): Promise<Value> {
  const place = await placeOf(interp, expr.operand);
  const old = place.read() ?? 0;
  if (typeof old !== 'number') {
    throw new TerminatingError(
      errorRecord({
        message: `The '${expr.operator}' operator works only on numbers. The operand is a '${typeNameOf(old)}'.`,
        errorId: 'OperatorRequiresNumber',
        category: 'InvalidOperation',
        target: targetText(old),
        extent: interp.here(expr.extent),
      }),
    );
  }
  const next = old + (expr.operator === '++' ? 1 : -1);
  place.write(next);
  return expr.prefix ? next : old;
}
