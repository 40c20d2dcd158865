// The downloads the desktop app allows: blobs the app's own page made, saved
// under a .csv (Export rows to CSV), .ps1 (Save script) or .json (Back up)
// name (Electron then asks where). Everything else is refused.

import { describe, expect, it } from 'vitest';
import { isOwnExport } from '../../src-main/app/origin';

const ORIGIN = 'app://renderer';

describe('isOwnExport', () => {
  it('allows a .csv, .ps1 or .json blob of our own page', () => {
    expect(isOwnExport('blob:app://renderer/6f1c2b1e-0000-4000-8000-000000000000', 'pchat-configurations.csv', ORIGIN)).toBe(true);
    expect(isOwnExport('blob:app://renderer/x', 'Rows.CSV', ORIGIN)).toBe(true);
    expect(isOwnExport('blob:app://renderer/x', 'pchat-changes.ps1', ORIGIN)).toBe(true);
    expect(isOwnExport('blob:app://renderer/x', 'pchat-backup.JSON', ORIGIN)).toBe(true);
  });

  it.each([
    ['another origin', 'blob:https://evil.example/x', 'a.csv'],
    ['another origin (script)', 'blob:https://evil.example/x', 'a.ps1'],
    ['not a blob', 'app://renderer/index.html', 'a.csv'],
    ['a web URL', 'https://example.com/a.ps1', 'a.ps1'],
    ['another extension', 'blob:app://renderer/x', 'a.exe'],
    ['a batch file', 'blob:app://renderer/x', 'a.cmd'],
    ['a module script', 'blob:app://renderer/x', 'a.psm1'],
    ['a shortcut', 'blob:app://renderer/x', 'a.lnk'],
    ['a name with a path', 'blob:app://renderer/x', '../a.csv'],
    ['a name with a path (script)', 'blob:app://renderer/x', 'dir\\a.ps1'],
    ['a name that only contains .csv', 'blob:app://renderer/x', 'a.csv.exe'],
    ['a name that only contains .ps1', 'blob:app://renderer/x', 'a.ps1.lnk'],
    ['a name that only contains .json', 'blob:app://renderer/x', 'a.jsonx'],
    ['a data URL', 'data:text/csv,a', 'a.csv'],
    ['a data URL (script)', 'data:text/plain,a', 'a.ps1'],
  ])('refuses %s', (_what, url, name) => {
    expect(isOwnExport(url, name, ORIGIN)).toBe(false);
  });
});
