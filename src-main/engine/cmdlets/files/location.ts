// Get-Location (gl, pwd) and Set-Location (sl, cd, chdir): each session has
// its own current location, which every relative path resolves against.

import fs from 'node:fs';
import { pathNotFound } from '../../files/file-errors';
import type { CommandHelp, ParameterDef } from '../../shell/commands';
import { PSObject } from '../../shell/values';
import { param } from '../builtins/support';
import { fileCommand, MANAGEMENT, on, resolvePath, terminating } from './support';

export const PATH_INFO_TYPE = 'System.Management.Automation.PathInfo';

function pathInfo(location: string): PSObject {
  return new PSObject(PATH_INFO_TYPE, [['Path', location]]);
}

const GET_HELP: CommandHelp = {
  synopsis: 'Shows the current location of the session.',
  description:
    'Get-Location returns the folder that relative paths in this console are read from and written to. ' +
    'Each console session has its own location; it starts in the folder pchat-admin was started from ' +
    '(or your home folder when that is the root of the disk).',
  examples: [{ title: 'Where am I?', code: 'pwd', remarks: 'pwd is an alias of Get-Location.' }],
  outputs: 'System.Management.Automation.PathInfo',
};

export const getLocation = fileCommand('Get-Location', MANAGEMENT, [], GET_HELP, (ctx) => ({
  async process() {
    await ctx.emit(pathInfo(ctx.session.files().location));
  },
}));

const SET_PARAMETERS: readonly ParameterDef[] = [
  param('Path', 'String', 'The folder to make current: absolute, relative to the current location, or starting with ~ (your home folder).', {
    position: 0,
    pipeline: ['ByValue', 'ByPropertyName'],
  }),
  param('PassThru', 'SwitchParameter', 'Also returns the new location.'),
];

const SET_HELP: CommandHelp = {
  synopsis: 'Changes the current location of the session.',
  description:
    'Set-Location makes another folder current for this console session, so later relative paths (for ' +
    'Export-PchatChangeScript, Out-File, Import-PchatBaseline, …) are read and written there. Without a path ' +
    'it goes to your home folder. A folder that does not exist is an error and the location stays as it was.',
  examples: [
    { title: 'Go to a folder', code: 'cd ~/exports', remarks: 'cd is an alias of Set-Location; ~ is your home folder.' },
    { title: 'One level up', code: 'Set-Location ..', remarks: '' },
  ],
  outputs: 'None, or System.Management.Automation.PathInfo with -PassThru.',
};

export const setLocation = fileCommand('Set-Location', MANAGEMENT, SET_PARAMETERS, SET_HELP, (ctx) => ({
  async process(bound) {
    const files = ctx.session.files();
    const target = resolvePath(ctx, bound.get('Path') ?? '~');
    let isFolder = false;
    try {
      isFolder = fs.statSync(target).isDirectory();
    } catch {
      isFolder = false;
    }
    if (!isFolder) throw terminating(ctx, pathNotFound(target));
    files.location = target;
    if (on(bound, 'PassThru')) await ctx.emit(pathInfo(target));
  },
}));
