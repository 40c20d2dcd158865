// The built-in aliases, as Windows PowerShell 5.1 defines them for the
// commands this console has. Keys are lower case; lookups lower-case the name.

export const ALIAS_TABLE: ReadonlyMap<string, string> = new Map([
  ['?', 'Where-Object'],
  ['where', 'Where-Object'],
  ['%', 'ForEach-Object'],
  ['foreach', 'ForEach-Object'],
  ['select', 'Select-Object'],
  ['sort', 'Sort-Object'],
  ['measure', 'Measure-Object'],
  ['fl', 'Format-List'],
  ['ft', 'Format-Table'],
  ['gm', 'Get-Member'],
  ['echo', 'Write-Output'],
  ['write', 'Write-Output'],
  ['gcm', 'Get-Command'],
  ['help', 'Get-Help'],
  ['man', 'Get-Help'],
  ['h', 'Get-History'],
  ['history', 'Get-History'],
  ['ghy', 'Get-History'],
  ['cls', 'Clear-Host'],
  ['clear', 'Clear-Host'],
]);
