// Format-Table's layout: widths, alignment, dashes, trimming and squeezing.

import { describe, expect, it } from 'vitest';
import { isNumericColumn, renderTable, renderValueTable } from '../../../../src-main/engine/shell/format/table-view';

describe('renderValueTable', () => {
  it('sizes columns to content, right-aligns numbers and their header, trims trailing spaces', () => {
    expect(
      renderValueTable([
        { header: 'Identity', values: ['Global', 'site:Redmond'] },
        { header: 'DefaultChatHistory', values: [30, 100] },
        { header: 'RoomManagementUrl', values: [null, 'https://rooms.contoso.com'] },
      ]),
    ).toEqual([
      '',
      'Identity     DefaultChatHistory RoomManagementUrl',
      '--------     ------------------ -----------------',
      'Global                       30',
      'site:Redmond                100 https://rooms.contoso.com',
      '',
    ]);
  });

  it('makes a column as wide as its longest value when that is wider than the header', () => {
    expect(renderValueTable([{ header: 'Id', values: [1234567] }, { header: 'X', values: ['a'] }])).toEqual(['', '     Id X', '     -- -', '1234567 a', '']);
  });

  it('cuts long values with "..." so no line is wider than the console', () => {
    const lines = renderValueTable(
      [
        { header: 'Name', values: ['short'] },
        { header: 'Text', values: ['x'.repeat(40)] },
      ],
      { width: 30 },
    );
    expect(lines).toEqual(['', 'Name  Text', '----  ----', `short ${'x'.repeat(21)}...`, '']);
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(30);
  });

  it('can leave out the headers', () => {
    expect(renderValueTable([{ header: 'A', values: ['x'] }], { hideHeaders: true })).toEqual(['', 'x', '']);
  });
});

describe('renderTable', () => {
  it('keeps a fixed column width, cutting longer cells and headers', () => {
    expect(
      renderTable(
        [
          { header: 'Name', align: 'left', width: 6 },
          { header: 'Value', align: 'left' },
        ],
        [['abcdefghij', '1']],
      ),
    ).toEqual(['', 'Name   Value', '----   -----', 'abc... 1', '']);
  });

  it('shows a cell on one line', () => {
    expect(renderTable([{ header: 'A', align: 'left' }], [['one\ntwo']])).toEqual(['', 'A', '-', 'one two', '']);
  });
});

describe('isNumericColumn', () => {
  it('is true when every present value is a number', () => {
    expect(isNumericColumn([1, null, 2])).toBe(true);
    expect(isNumericColumn([1, '2'])).toBe(false);
    expect(isNumericColumn([null])).toBe(false);
  });
});
