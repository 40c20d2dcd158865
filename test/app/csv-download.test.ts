// The one download the desktop app allows: Export rows to CSV, a blob the
// app's own page made, saved under a .csv name (Electron then asks where).

import { describe, expect, it } from 'vitest';
import { isOwnCsvExport } from '../../src-main/app/origin';

const ORIGIN = 'app://renderer';

describe('isOwnCsvExport', () => {
  it('allows a .csv blob of our own page', () => {
    expect(isOwnCsvExport('blob:app://renderer/6f1c2b1e-0000-4000-8000-000000000000', 'pchat-configurations.csv', ORIGIN)).toBe(true);
    expect(isOwnCsvExport('blob:app://renderer/x', 'Rows.CSV', ORIGIN)).toBe(true);
  });

  it.each([
    ['another origin', 'blob:https://evil.example/x', 'a.csv'],
    ['not a blob', 'app://renderer/index.html', 'a.csv'],
    ['a web URL', 'https://example.com/a.csv', 'a.csv'],
    ['another extension', 'blob:app://renderer/x', 'a.exe'],
    ['a name with a path', 'blob:app://renderer/x', '../a.csv'],
    ['a name that only contains .csv', 'blob:app://renderer/x', 'a.csv.exe'],
    ['a data URL', 'data:text/csv,a', 'a.csv'],
  ])('refuses %s', (_what, url, name) => {
    expect(isOwnCsvExport(url, name, ORIGIN)).toBe(false);
  });
});
