// Format-List's layout and the value text every view shares.

import { describe, expect, it } from 'vitest';
import { displayValue, renderList } from '../../../../src-main/engine/shell/format/list-view';
import { Hashtable, PSObject } from '../../../../src-main/engine/shell/values';

describe('displayValue', () => {
  it('shows $null as nothing, booleans as True/False, numbers as PowerShell prints them', () => {
    expect([null, true, false, 42, 1.5, 'text'].map(displayValue)).toEqual(['', 'True', 'False', '42', '1.5', 'text']);
  });

  it('shows a collection in braces, cut after four items', () => {
    expect(displayValue(['a', 'b', 'c'])).toBe('{a, b, c}');
    expect(displayValue([1, 2, 3, 4, 5])).toBe('{1, 2, 3, 4...}');
    expect(displayValue([])).toBe('{}');
  });

  it('shows a nested object by its string form and a hashtable by its keys', () => {
    expect(displayValue(new PSObject('System.Management.Automation.PSCustomObject', [['a', 1], ['b', 'x']]))).toBe('@{a=1; b=x}');
    const table = new Hashtable();
    table.set('one', 1);
    table.set('two', 2);
    expect(displayValue(table)).toBe('{one, two}');
  });
});

describe('renderList', () => {
  it('pads names to the longest of each object, with a blank line before and after each object', () => {
    expect(
      renderList([
        [
          ['Identity', 'Global'],
          ['DefaultChatHistory', 30],
          ['FileServiceUrl', null],
        ],
        [
          ['A', 1],
          ['Bcd', [1, 2]],
        ],
      ]),
    ).toEqual(['', 'Identity           : Global', 'DefaultChatHistory : 30', 'FileServiceUrl     :', '', 'A   : 1', 'Bcd : {1, 2}', '']);
  });

  it('renders nothing for no objects', () => {
    expect(renderList([])).toEqual([]);
  });

  it('aligns the continuation lines of a multi-line value under the value', () => {
    expect(renderList([[['Name', 'first\nsecond'], ['N', 1]]])).toEqual(['', 'Name : first', '       second', 'N    : 1', '']);
  });

  it('breaks a value longer than the width onto aligned lines', () => {
    expect(renderList([[['Url', 'http://example.com/a/very/long/path']]], { width: 20 })).toEqual([
      '',
      'Url : http://example',
      '      .com/a/very/lo',
      '      ng/path',
      '',
    ]);
  });
});
