// The built-in (non-configuration) commands and their aliases, registered as
// data like the configuration cmdlets.

import type { CommandDef } from '../../shell/commands';
import { ALIAS_TABLE } from './aliases';
import { clearHost } from './clear-host';
import { convertToSecureString } from './convertto-securestring';
import { getCredential } from './get-credential';
import { forEachObject } from './foreach-object';
import { formatList } from './format-list';
import { formatTable } from './format-table';
import { getCommand } from './get-command';
import { getHelp } from './get-help';
import { getHistory } from './get-history';
import { getMember } from './get-member';
import { measureObject } from './measure-object';
import { outNull } from './out-null';
import { selectObject } from './select-object';
import { sortObject } from './sort-object';
import { whereObject } from './where-object';
import { writeOutput } from './write-output';
import { getDate } from './get-date';
import { readHost } from './read-host';
import { startSleep } from './start-sleep';
import { compareObject } from './compare-object';
import { groupObject } from './group-object';
import { outHost, outString } from './out-string';
import { selectString } from './select-string';
import { teeObject } from './tee-object';
import { addMember } from './add-member';
import { getAlias } from './get-alias';
import { getModule, importModule } from './modules';
import { newObject } from './new-object';
import { clearVariable, getVariable, newVariable, removeVariable, setVariable } from './variables';
import { writeError } from './write-error';
import { writeHost } from './write-host';
import { writeProgress } from './write-progress';
import { writeDebug, writeInformation, writeVerbose, writeWarning } from './write-streams';

export const BUILTIN_COMMANDS: readonly CommandDef[] = [
  whereObject,
  forEachObject,
  selectObject,
  sortObject,
  measureObject,
  formatList,
  formatTable,
  getMember,
  writeOutput,
  outNull,
  getCommand,
  getHistory,
  clearHost,
  getHelp,
  writeHost,
  writeWarning,
  writeError,
  writeVerbose,
  writeDebug,
  writeInformation,
  writeProgress,
  getDate,
  startSleep,
  readHost,
  convertToSecureString,
  getCredential,
  outString,
  outHost,
  teeObject,
  groupObject,
  compareObject,
  selectString,
  getVariable,
  setVariable,
  newVariable,
  removeVariable,
  clearVariable,
  newObject,
  addMember,
  getAlias,
  importModule,
  getModule,
];

/** Alias → command name; keys are lower case. */
export const BUILTIN_ALIASES: ReadonlyMap<string, string> = ALIAS_TABLE;
