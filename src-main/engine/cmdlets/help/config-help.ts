// Help text of the four configuration cmdlets, written for this project from
// its behaviour spec (CMDLETS.md). Every documented usage appears as an
// example; NOTES record the decisions the spec asks to be written down.

import type { ConfigCmdletName } from '../../domain/parameters';
import type { CommandHelp } from '../../shell/commands';
import { CONFIG_TYPE_NAME } from '../config/config-object';

const GLOBAL_NOTE =
  'The Global collection always exists. It cannot be created with New-CsPersistentChatConfiguration, and ' +
  'it cannot be deleted: Remove-CsPersistentChatConfiguration -Identity Global resets every Global setting ' +
  'to its default value and writes a warning saying so.';

const SIZE_NOTE =
  'Microsoft publishes no valid range for MaxChatContentSizeMB. This product accepts 1 to 2048 and uses 20 ' +
  'as the default; that range is its own documented choice.';

const FILE_SERVICE_NOTE =
  'The file upload and download web service named by FileServiceUrl is offered to the internal web site ' +
  'only. Passing $null or an empty string to -FileServiceUrl or -RoomManagementUrl clears the URL.';

const CONFIRM_NOTE =
  'With -Confirm, each change is asked about before it is made (Yes, Yes to All, No, No to All). In a ' +
  'non-interactive run, such as the headless shell reading a script, nobody can answer, so the command ' +
  'fails with an error instead of waiting; add -Confirm:$false or -Force to go ahead without asking. ' +
  'The command\'s ConfirmImpact is Medium, as for all three changing cmdlets: without -Confirm it also asks ' +
  'when $ConfirmPreference is Medium or Low (the default, High, never asks), and $WhatIfPreference = $true ' +
  'makes it describe its change instead of making it, as -WhatIf does. -Confirm:$false and -WhatIf:$false win ' +
  'over both variables.';

const IDENTITY_NOTE =
  'Identities are Global, site:<site name> or service:PersistentChatServer:<pool FQDN>. Scope words are not ' +
  'case-sensitive, and two identities that differ only in case name the same collection; the stored form is ' +
  'canonical (Global, site:<name as first typed>, the pool FQDN in lower case). -Identity does not accept ' +
  'wildcards; use Get-CsPersistentChatConfiguration -Filter for that.';

const paragraphs = (...notes: string[]) => notes.join('\n\n');

const OUTPUT_OBJECT = `${CONFIG_TYPE_NAME}\n    A Persistent Chat configuration object: Identity and the six settings.`;

export const CONFIG_HELP: Record<ConfigCmdletName, CommandHelp> = {
  'Get-CsPersistentChatConfiguration': {
    synopsis: 'Returns Persistent Chat configuration collections: all of them, one by identity, or those matching a filter.',
    description: paragraphs(
      'A Persistent Chat configuration collection holds the settings of Persistent Chat for one scope: the ' +
        'whole organisation (Global), one site, or one Persistent Chat pool. Get-CsPersistentChatConfiguration ' +
        'returns collections as objects you can read, filter, change and pass to Set-CsPersistentChatConfiguration.',
      'Without parameters it returns every collection: Global first, then the sites, then the pools, each ' +
        'group sorted by name. -Identity returns one collection (an unknown identity is an error). -Filter ' +
        'returns the collections whose Identity matches a wildcard pattern, ignoring case; matching nothing is ' +
        'not an error. -Identity and -Filter cannot be used together.',
      'The objects returned are copies. Changing a property of one changes nothing until the object is ' +
        'written back with Set-CsPersistentChatConfiguration -Instance. -LocalStore reads the collections ' +
        'straight from the store file on disk.',
    ),
    examples: [
      {
        title: 'Every collection',
        code: 'Get-CsPersistentChatConfiguration',
        remarks: 'Returns all the Persistent Chat configuration collections, Global first.',
      },
      {
        title: 'One collection',
        code: 'Get-CsPersistentChatConfiguration -Identity "site:Redmond"',
        remarks: 'Returns the collection of the Redmond site. If there is none, an object-not-found error is written.',
      },
      {
        title: 'Every pool collection',
        code: 'Get-CsPersistentChatConfiguration -Filter "service:*"',
        remarks: 'The wildcard matches every identity that starts with "service:", that is, every Persistent Chat pool collection.',
      },
      {
        title: 'Collections that show more than 30 messages',
        code: 'Get-CsPersistentChatConfiguration | Where-Object {$_.DefaultChatHistory -gt 30}',
        remarks: 'Where-Object keeps the collections whose DefaultChatHistory is greater than 30.',
      },
      {
        title: 'Collections without a room management page',
        code: 'Get-CsPersistentChatConfiguration | Where-Object {$_.RoomManagementUrl -eq $Null}',
        remarks: 'A URL that is not set holds $null, so this finds the collections where RoomManagementUrl was never set or was cleared.',
      },
    ],
    inputs: 'System.String\n    Objects with an Identity property can be piped to Get-CsPersistentChatConfiguration; the Identity is bound by property name.',
    outputs: OUTPUT_OBJECT,
    notes: paragraphs(IDENTITY_NOTE, SIZE_NOTE, FILE_SERVICE_NOTE),
  },

  'New-CsPersistentChatConfiguration': {
    synopsis: 'Creates a Persistent Chat configuration collection for a site or a Persistent Chat pool.',
    description: paragraphs(
      'New-CsPersistentChatConfiguration creates the settings collection of one site (site:<name>) or one ' +
        'Persistent Chat pool (service:PersistentChatServer:<FQDN>). Settings that are not given take their ' +
        'default values, or the values of the object passed to -Instance; parameters given explicitly win over both.',
      'The identity must not exist yet, and Global cannot be created. Nothing is written when either rule ' +
        'is broken. The new collection is written to the output.',
      '-InMemory returns the new object without saving it. Keep it in a variable, change its properties, ' +
        'then save it with Set-CsPersistentChatConfiguration -Instance.',
    ),
    examples: [
      {
        title: 'A collection for the Redmond site',
        code: 'New-CsPersistentChatConfiguration -Identity "site:Redmond" -ParticipantUpdateLimit 100',
        remarks: 'Creates the Redmond site collection. ParticipantUpdateLimit is 100; every other setting takes its default.',
      },
      {
        title: 'Prepare a collection in memory, then save it',
        code: '$n = New-CsPersistentChatConfiguration -Identity site:Paris -InMemory; $n.MaxFileSizeKB = 1000; Set-CsPersistentChatConfiguration -Instance $n',
        remarks:
          'The first command creates a Paris site collection in memory only. The second changes MaxFileSizeKB on that ' +
          'object; the third saves it, creating the collection with the changed value.',
      },
    ],
    inputs: 'None\n    New-CsPersistentChatConfiguration does not read the pipeline.',
    outputs: OUTPUT_OBJECT,
    notes: paragraphs(GLOBAL_NOTE, IDENTITY_NOTE, SIZE_NOTE, FILE_SERVICE_NOTE, CONFIRM_NOTE),
  },

  'Set-CsPersistentChatConfiguration': {
    synopsis: 'Changes the settings of existing Persistent Chat configuration collections.',
    description: paragraphs(
      'Set-CsPersistentChatConfiguration changes the settings given as parameters on one collection. Without ' +
        '-Identity and -Instance it changes Global. Collections piped from Get-CsPersistentChatConfiguration are ' +
        'each changed in turn, so one command can update many collections.',
      'With -Instance (or an object from the pipeline) it writes that object\'s values to the collection named by ' +
        'its Identity; explicit property parameters override the object\'s values. An object made with ' +
        'New-CsPersistentChatConfiguration -InMemory is created if it does not exist yet. An unknown identity is an error.',
      'A rejected value (wrong type, out of range, not an http or https URL) changes nothing. The command ' +
        'writes no output.',
    ),
    examples: [
      {
        title: 'Change Global',
        code: 'Set-CsPersistentChatConfiguration -Identity "global" -DefaultChatHistory 100',
        remarks: 'Users entering a room now see the last 100 messages. Identity is not case-sensitive.',
      },
      {
        title: 'Change every collection',
        code: 'Get-CsPersistentChatConfiguration | Set-CsPersistentChatConfiguration -DefaultChatHistory 100',
        remarks: 'Each collection from Get-CsPersistentChatConfiguration is updated.',
      },
      {
        title: 'Change every site collection',
        code: 'Get-CsPersistentChatConfiguration -Filter "site:*" | Set-CsPersistentChatConfiguration -DefaultChatHistory 100',
        remarks: 'Only the site collections are passed on, so Global and the pools are left as they are.',
      },
      {
        title: 'Cap DefaultChatHistory at 100',
        code: 'Get-CsPersistentChatConfiguration | Where-Object {$_.DefaultChatHistory -gt 100} | Set-CsPersistentChatConfiguration -DefaultChatHistory 100',
        remarks: 'Only the collections showing more than 100 messages are changed.',
      },
      {
        title: 'Change an object, then write it back',
        code: '$x = Get-CsPersistentChatConfiguration -Identity global; $x.DefaultChatHistory = 50; Set-CsPersistentChatConfiguration -Instance $x',
        remarks:
          'The object in $x is a copy: setting its DefaultChatHistory changes nothing by itself. Passing it to ' +
          '-Instance writes the new value to Global.',
      },
    ],
    inputs: `${CONFIG_TYPE_NAME}\n    Configuration objects can be piped to Set-CsPersistentChatConfiguration; they are bound to -Instance.`,
    outputs: 'None\n    Set-CsPersistentChatConfiguration writes no output.',
    notes: paragraphs(IDENTITY_NOTE, SIZE_NOTE, FILE_SERVICE_NOTE, CONFIRM_NOTE),
  },

  'Remove-CsPersistentChatConfiguration': {
    synopsis: 'Removes a site or pool Persistent Chat configuration collection, or resets Global to its defaults.',
    description: paragraphs(
      'Remove-CsPersistentChatConfiguration deletes the settings collection of a site or a Persistent Chat ' +
        'pool; that scope then follows the settings above it. The Identity is also taken from piped objects, so ' +
        'collections returned by Get-CsPersistentChatConfiguration can be removed in one pipeline.',
      'Global cannot be deleted. Removing it resets every Global setting to its default value and writes a ' +
        'warning saying so; -Force suppresses that warning. An unknown identity is an error. The command writes no output.',
    ),
    examples: [
      {
        title: 'Remove one site collection',
        code: 'Remove-CsPersistentChatConfiguration -Identity "site:Redmond"',
        remarks: 'Deletes the Redmond site collection.',
      },
      {
        title: 'Remove every site collection',
        code: 'Get-CsPersistentChatConfiguration -Filter "site:*" | Remove-CsPersistentChatConfiguration',
        remarks: 'Each site collection is removed; Global and the pools are untouched.',
      },
      {
        title: 'Remove the collections that show more than 30 messages',
        code: 'Get-CsPersistentChatConfiguration | Where-Object {$_.DefaultChatHistory -gt 30} | Remove-CsPersistentChatConfiguration',
        remarks: 'If Global is among them it is reset to its defaults (with a warning) rather than deleted.',
      },
    ],
    inputs: `${CONFIG_TYPE_NAME}\n    Objects with an Identity property can be piped; the Identity is bound by property name.`,
    outputs: 'None\n    Remove-CsPersistentChatConfiguration writes no output.',
    notes: paragraphs(
      GLOBAL_NOTE,
      'Besides skipping confirmation prompts, -Force also suppresses the warning written when Global is reset.',
      IDENTITY_NOTE,
      CONFIRM_NOTE,
    ),
  },
};
