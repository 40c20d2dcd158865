// The automatic variables scripts read: $PSVersionTable (Windows PowerShell
// 5.1's values, since that is the language this console follows), $Host,
// $HOME, $PID, $ShellId and the culture names. $PWD, $PSScriptRoot and
// $PSCommandPath are set where they change (location, script scope).

import os from 'node:os';
import { Hashtable, PSObject } from '../values';
import type { Variables } from './scope';

function versionObject(text: string): PSObject {
  const [major, minor, build, revision] = text.split('.').map(Number);
  const v = new PSObject('System.Version', [
    ['Major', major ?? 0],
    ['Minor', minor ?? 0],
    ['Build', build ?? -1],
    ['Revision', revision ?? -1],
  ]);
  v.text = text;
  return v;
}

export function initAutomaticVariables(variables: Variables): void {
  const table = new Hashtable();
  table.set('PSVersion', versionObject('5.1.17763.1007'));
  table.set('PSEdition', 'Desktop');
  table.set('PSCompatibleVersions', ['1.0', '2.0', '3.0', '4.0', '5.0', '5.1.17763.1007'].map(versionObject));
  table.set('BuildVersion', versionObject('10.0.17763.1007'));
  table.set('CLRVersion', versionObject('4.0.30319.42000'));
  table.set('WSManStackVersion', versionObject('3.0'));
  table.set('PSRemotingProtocolVersion', versionObject('2.3'));
  table.set('SerializationVersion', versionObject('1.1.0.1'));
  variables.set('global:PSVersionTable', table);
  const rawUi = new PSObject('System.Management.Automation.Internal.Host.InternalHostRawUserInterface', [
    ['ForegroundColor', 'Gray'],
    ['BackgroundColor', 'Black'],
    ['WindowTitle', 'pchat-admin'],
  ]);
  const host = new PSObject('System.Management.Automation.Internal.Host.InternalHost', [
    ['Name', 'ConsoleHost'],
    ['Version', versionObject('5.1.17763.1007')],
    ['InstanceId', '00000000-0000-0000-0000-000000000000'],
    ['UI', new PSObject('System.Management.Automation.Internal.Host.InternalHostUserInterface', [['RawUI', rawUi]])],
    ['CurrentCulture', 'en-US'],
    ['CurrentUICulture', 'en-US'],
  ]);
  variables.set('global:Host', host);
  variables.set('global:HOME', os.homedir());
  variables.set('global:PID', process.pid);
  variables.set('global:ShellId', 'Microsoft.PowerShell');
  variables.set('global:PSCulture', 'en-US');
  variables.set('global:PSUICulture', 'en-US');
  variables.set('global:PSScriptRoot', '');
  variables.set('global:PSCommandPath', '');
}
