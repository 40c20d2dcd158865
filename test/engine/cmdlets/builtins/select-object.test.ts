// Select-Object's property selection, calculated properties and picking.

import { describe, expect, it } from 'vitest';
import { defaultValues } from '../../../../src-main/engine/domain/properties';
import { toConfigObject } from '../../../../src-main/engine/cmdlets/config/config-object';
import { parsePropertySpecs, SELECT_KEYS } from '../../../../src-main/engine/cmdlets/builtins/property-spec';
import { pickObjects, sameObject, selectProperties } from '../../../../src-main/engine/cmdlets/builtins/select-object';
import { TerminatingError } from '../../../../src-main/engine/shell/errors';
import { Hashtable, PSObject } from '../../../../src-main/engine/shell/values';

const global = toConfigObject({ Identity: 'Global', ...defaultValues() });
const noScripts = async () => [];

function table(entries: [string, unknown][]): Hashtable {
  const h = new Hashtable();
  for (const [k, v] of entries) h.set(k, v as never);
  return h;
}

describe('selectProperties', () => {
  it('makes a Selected.<type> object with the named properties, wildcards in the object\'s order', async () => {
    const specs = parsePropertySpecs('Select-Object', ['identity', '*Url', 'Missing'], SELECT_KEYS);
    const selected = await selectProperties(global, specs, [], noScripts);
    expect(selected.typeName).toBe('Selected.Microsoft.Rtc.Management.WritableConfig.Settings.PersistentChat.PersistentChatConfiguration');
    expect(selected.entries()).toEqual([
      ['Identity', 'Global'],
      ['FileServiceUrl', null],
      ['RoomManagementUrl', null],
      ['Missing', null],
    ]);
  });

  it('is a copy: changing it does not change the original', async () => {
    const selected = await selectProperties(global, parsePropertySpecs('Select-Object', 'DefaultChatHistory', SELECT_KEYS), [], noScripts);
    selected.set('DefaultChatHistory', 99);
    expect(global.get('DefaultChatHistory')).toBe(30);
  });

  it('adds calculated properties from hashtables with shortened keys', async () => {
    const specs = parsePropertySpecs('Select-Object', [table([['n', 'Scope'], ['e', 'Identity']])], SELECT_KEYS);
    expect((await selectProperties(global, specs, [], noScripts)).entries()).toEqual([['Scope', 'Global']]);
  });

  it('drops -ExcludeProperty names', async () => {
    const specs = parsePropertySpecs('Select-Object', ['*'], SELECT_KEYS);
    const names = (await selectProperties(global, specs, ['MaxFileSizeKB', 'Identity'], noScripts)).propertyNames;
    expect(names).not.toContain('Identity');
    expect(names).not.toContain('MaxFileSizeKB');
  });

  it('rejects an unknown hashtable key', () => {
    expect(() => parsePropertySpecs('Select-Object', [table([['Bogus', 1], ['Expression', 'x']])], SELECT_KEYS)).toThrow(TerminatingError);
  });
});

describe('pickObjects', () => {
  it('applies -Skip, -First and -Last', () => {
    const items = [1, 2, 3, 4, 5];
    expect(pickObjects(items, { first: 2 })).toEqual([1, 2]);
    expect(pickObjects(items, { last: 2 })).toEqual([4, 5]);
    expect(pickObjects(items, { skip: 1, first: 2 })).toEqual([2, 3]);
    expect(pickObjects(items, { first: 1, last: 1 })).toEqual([1, 5]);
  });

  it('-Unique is case-sensitive and compares objects by their properties', () => {
    expect(pickObjects(['a', 'A', 'a'], { unique: true })).toEqual(['a', 'A']);
    const o = (n: number) => new PSObject('T', [['N', n]]);
    expect(pickObjects([o(1), o(1), o(2)], { unique: true })).toHaveLength(2);
    expect(sameObject(o(1), 1)).toBe(false);
  });
});
