// The file commands (paths, content, CSV, JSON, CliXML, transcripts) and
// their 5.1 aliases.

import type { CommandDef } from '../../shell/commands';
import { exportClixml, importClixml } from './clixml';
import { convertFromCsv, convertToCsv, exportCsv, importCsv } from './csv';
import { getContent } from './get-content';
import { convertFromJson, convertToJson } from './json';
import { getLocation, setLocation } from './location';
import { outFile } from './out-file';
import { addContent, setContent } from './set-content';
import { testPath } from './test-path';
import { startTranscript, stopTranscript } from './transcript';

export const FILE_COMMANDS: readonly CommandDef[] = [
  getLocation,
  setLocation,
  testPath,
  getContent,
  setContent,
  addContent,
  outFile,
  convertToJson,
  convertFromJson,
  convertToCsv,
  convertFromCsv,
  exportCsv,
  importCsv,
  exportClixml,
  importClixml,
  startTranscript,
  stopTranscript,
];

/** Windows PowerShell 5.1's aliases for them; keys are lower case. */
export const FILE_ALIASES: ReadonlyMap<string, string> = new Map([
  ['gl', 'Get-Location'],
  ['pwd', 'Get-Location'],
  ['sl', 'Set-Location'],
  ['cd', 'Set-Location'],
  ['chdir', 'Set-Location'],
  ['gc', 'Get-Content'],
  ['cat', 'Get-Content'],
  ['type', 'Get-Content'],
  ['sc', 'Set-Content'],
  ['ac', 'Add-Content'],
  ['epcsv', 'Export-Csv'],
  ['ipcsv', 'Import-Csv'],
]);
