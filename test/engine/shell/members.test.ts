// Property access: the language's $x.Name (hashtable keys, member
// enumeration, intrinsic Count/Length) and the adapted properties the
// formatting and selection commands see (hashtable keys are not among them).

import { describe, expect, it } from 'vitest';
import { getMemberProperty, getProperty, memberPropertyNames, resolvePropertyNames } from '../../../src-main/engine/shell/members';
import { Hashtable, PSObject } from '../../../src-main/engine/shell/values';

const obj = (entries: [string, unknown][]) => new PSObject('System.Management.Automation.PSCustomObject', entries as never);

describe('getProperty ($x.Name)', () => {
  it('reads an object property by any letter case, and $null when there is none', () => {
    const o = obj([['DefaultChatHistory', 30]]);
    expect(getProperty(o, 'defaultchathistory')).toBe(30);
    expect(getProperty(o, 'Nope')).toBeNull();
  });

  it('gives every value the intrinsic Count and Length', () => {
    expect(getProperty(obj([]), 'Count')).toBe(1);
    expect(getProperty(5, 'Length')).toBe(1);
    expect(getProperty(null, 'Count')).toBe(0);
    expect(getProperty('abcd', 'Length')).toBe(4);
    expect(getProperty('abcd', 'Count')).toBe(1);
  });

  it('reads hashtable keys first, then the hashtable\'s own members', () => {
    const h = new Hashtable();
    h.set('Name', 'x');
    expect(getProperty(h, 'name')).toBe('x');
    expect(getProperty(h, 'Count')).toBe(1);
    expect(getProperty(h, 'Keys')).toEqual(['Name']);
    h.set('Count', 99);
    expect(getProperty(h, 'Count')).toBe(99);
    expect(getProperty(h, 'Missing')).toBeNull();
  });

  it('enumerates members over an array: skips elements without it, unrolls collections', () => {
    const list = [obj([['Identity', 'Global']]), 7, obj([['Identity', 'site:Redmond']]), obj([['Identity', ['a', 'b']]])];
    expect(getProperty(list, 'Identity')).toEqual(['Global', 'site:Redmond', 'a', 'b']);
    expect(getProperty([obj([['X', null]]), obj([['X', 1]])], 'X')).toEqual([null, 1]);
  });

  it('collapses member enumeration to one value or $null, and lets the array\'s own Count win', () => {
    expect(getProperty([obj([['Identity', 'Global']])], 'Identity')).toBe('Global');
    expect(getProperty([1, 2], 'Identity')).toBeNull();
    expect(getProperty([obj([['Count', 5]]), obj([['Count', 6]])], 'Count')).toBe(2);
    expect(getProperty([[obj([['A', 1]])], obj([['A', 2]])], 'A')).toEqual([1, 2]);
  });
});

describe('adapted properties', () => {
  it('lists an object\'s properties in order, and a hashtable\'s members, not its keys', () => {
    expect(memberPropertyNames(obj([['B', 1], ['A', 2]]))).toEqual(['B', 'A']);
    const h = new Hashtable();
    h.set('a', 1);
    expect(memberPropertyNames(h)).toEqual(['IsReadOnly', 'IsFixedSize', 'IsSynchronized', 'Keys', 'Values', 'SyncRoot', 'Count']);
    expect(getMemberProperty(h, 'a')).toEqual({ found: false, value: null });
    expect(getMemberProperty(h, 'count')).toEqual({ found: true, value: 1 });
    expect(memberPropertyNames('text')).toEqual(['Length']);
    expect(getMemberProperty('text', 'length')).toEqual({ found: true, value: 4 });
  });

  it('tells a missing property from a $null one', () => {
    const o = obj([['FileServiceUrl', null]]);
    expect(getMemberProperty(o, 'FileServiceUrl')).toEqual({ found: true, value: null });
    expect(getMemberProperty(o, 'Other')).toEqual({ found: false, value: null });
  });

  it('resolves wildcards in the object\'s order and keeps a plain name even when missing', () => {
    const o = obj([['Identity', 'Global'], ['FileServiceUrl', null], ['RoomManagementUrl', null]]);
    expect(resolvePropertyNames(o, '*url')).toEqual(['FileServiceUrl', 'RoomManagementUrl']);
    expect(resolvePropertyNames(o, 'identity')).toEqual(['Identity']);
    expect(resolvePropertyNames(o, 'Bogus')).toEqual(['Bogus']);
    expect(resolvePropertyNames(o, 'X*')).toEqual([]);
  });
});
