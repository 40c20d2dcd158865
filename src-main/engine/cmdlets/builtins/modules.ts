// Import-Module and Get-Module. The configuration cmdlets are built into this
// console, so the modules that hold them in Skype for Business Server and
// Lync Server 2013 (SkypeForBusiness, Lync) import at once and silently, and
// the PowerShell modules whose commands are here (Microsoft.PowerShell.Utility,
// Microsoft.PowerShell.Core) are always loaded. Any other module fails as
// in 5.1 when no module file can be found.

import type { Bound, CommandContext, CommandDef, ParameterDef } from '../../shell/commands';
import { PSObject } from '../../shell/values';
import { hasWildcard, wildcardToRegExp } from '../../shell/wildcard';
import { CORE, param, stringList, UTILITY } from './support';

export const MODULE_INFO = 'System.Management.Automation.PSModuleInfo';
const PRODUCT_SOURCE = 'SkypeForBusiness';

interface KnownModule {
  readonly name: string;
  readonly type: 'Manifest' | 'Binary';
  readonly version: string;
  /** Command.source values whose commands this module exports. */
  readonly sources: readonly string[];
  /** Loaded from the start (the engine's own modules). */
  readonly builtIn: boolean;
  readonly path: string;
}

const KNOWN: readonly KnownModule[] = [
  { name: 'Lync', type: 'Manifest', version: '5.0.0.0', sources: [PRODUCT_SOURCE], builtIn: false, path: 'C:\\Program Files\\Common Files\\Microsoft Lync Server 2013\\Modules\\Lync\\Lync.psd1' },
  { name: 'Microsoft.PowerShell.Utility', type: 'Manifest', version: '3.1.0.0', sources: [UTILITY], builtIn: true, path: 'C:\\Windows\\system32\\WindowsPowerShell\\v1.0\\Modules\\Microsoft.PowerShell.Utility\\Microsoft.PowerShell.Utility.psd1' },
  { name: 'SkypeForBusiness', type: 'Manifest', version: '7.0.0.0', sources: [PRODUCT_SOURCE], builtIn: false, path: 'C:\\Program Files\\Common Files\\Skype for Business Server 2015\\Modules\\SkypeForBusiness\\SkypeForBusiness.psd1' },
];

/** The module a name or path names: `Lync`, `skypeforbusiness`, or a path ending in it (with or without .psd1). */
function knownModule(nameOrPath: string): KnownModule | undefined {
  const leaf = nameOrPath.replace(/[\\/]+$/, '').split(/[\\/]/).pop()!.replace(/\.psd1$|\.psm1$|\.dll$/i, '').toLowerCase();
  return KNOWN.find((m) => m.name.toLowerCase() === leaf);
}

/** Module names that own a command source (Get-Command -Module uses it too). */
export function modulesOfSource(source: string): string[] {
  if (source === CORE) return ['Microsoft.PowerShell.Core'];
  return KNOWN.filter((m) => m.sources.includes(source)).map((m) => m.name);
}

function moduleInfo(module: KnownModule, commands: readonly CommandDef[]): PSObject {
  const exported = commands.filter((c) => module.sources.includes(c.source)).map((c) => c.name).sort((a, b) => a.localeCompare(b));
  return new PSObject(MODULE_INFO, [
    ['ModuleType', module.type],
    ['Version', module.version],
    ['Name', module.name],
    ['ExportedCommands', exported],
    ['Path', module.path],
  ]);
}

function notFound(ctx: CommandContext, name: string): Promise<void> {
  return ctx.writeError({
    message: `The specified module '${name}' was not loaded because no valid module file was found in any module directory.`,
    errorId: 'Modules_ModuleNotFound',
    category: 'ResourceUnavailable',
    exceptionType: 'FileNotFoundException',
    target: `${name}:String`,
  });
}

const IMPORT_PARAMETERS: readonly ParameterDef[] = [
  param('Name', 'String[]', 'The modules to import: SkypeForBusiness or Lync (already built in, so this succeeds at once).', { mandatory: true, position: 0, pipeline: ['ByValue'] }),
  param('PassThru', 'SwitchParameter', 'Returns the module object.'),
  param('Force', 'SwitchParameter', 'Accepted for compatibility.'),
  param('Global', 'SwitchParameter', 'Accepted for compatibility: the console has one scope.'),
  param('DisableNameChecking', 'SwitchParameter', 'Accepted for compatibility.'),
  param('Prefix', 'String', 'Not supported: the built-in cmdlets keep their names.'),
];

export const importModule: CommandDef = {
  name: 'Import-Module',
  parameters: IMPORT_PARAMETERS,
  sets: ['Name'],
  supportsShouldProcess: false,
  help: {
    synopsis: 'Loads a module.',
    description:
      'Scripts written for the Skype for Business Server or Lync Server Management Shell start with Import-Module ' +
      'SkypeForBusiness or Import-Module Lync. Their Persistent Chat cmdlets are built into this console, so those imports ' +
      'succeed silently and the script runs unchanged. Any other module fails with "no valid module file was found".',
    examples: [{ title: 'The first line of a Skype for Business script', code: 'Import-Module SkypeForBusiness', remarks: 'Succeeds at once and prints nothing.' }],
    inputs: 'System.String\n    Module names can be piped.',
    outputs: 'None, or a PSModuleInfo with -PassThru.',
  },
  source: CORE,
  create: (ctx) => ({
    async process(bound: Bound, input) {
      const names = bound.has('Name') ? stringList(bound.get('Name')) : input ? stringList(input.value) : [];
      for (const name of names) {
        const module = knownModule(name);
        if (!module) {
          await notFound(ctx, name);
          continue;
        }
        if (bound.has('Prefix')) {
          await ctx.writeError({ message: `The cmdlets of ${module.name} are built into this console and cannot be renamed with -Prefix.`, errorId: 'PrefixNotSupported', category: 'InvalidArgument', exceptionType: 'PSArgumentException', target: `${name}:String` });
          continue;
        }
        ctx.session.importedModules().add(module.name);
        for (const c of ctx.session.commands()) if (module.sources.includes(c.source)) await ctx.writeVerbose(`Importing cmdlet '${c.name}'.`);
        if (bound.get('PassThru') === true) await ctx.emit(moduleInfo(module, ctx.session.commands()));
      }
    },
  }),
};

export const getModule: CommandDef = {
  name: 'Get-Module',
  parameters: [
    param('Name', 'String[]', 'Module names or wildcard patterns.', { position: 0, pipeline: ['ByValue'] }),
    param('ListAvailable', 'SwitchParameter', 'Lists the modules that can be imported, not only those loaded.'),
    param('All', 'SwitchParameter', 'Accepted for compatibility.'),
    param('Refresh', 'SwitchParameter', 'Accepted for compatibility.'),
  ],
  sets: ['Loaded', 'Available'],
  supportsShouldProcess: false,
  help: {
    synopsis: 'Lists the loaded modules, or those that can be loaded.',
    description:
      'Get-Module lists the modules loaded in this session: Microsoft.PowerShell.Utility always, and SkypeForBusiness or Lync ' +
      'once imported. -ListAvailable lists every module this console can import. A name that matches nothing returns nothing.',
    examples: [
      { title: 'Is the Skype for Business module loaded?', code: 'Get-Module SkypeForBusiness', remarks: 'Returns it after Import-Module SkypeForBusiness, nothing before.' },
      { title: 'What can be imported', code: 'Get-Module -ListAvailable', remarks: 'Lync, Microsoft.PowerShell.Utility and SkypeForBusiness.' },
    ],
    outputs: `${MODULE_INFO}`,
  },
  source: CORE,
  create: (ctx) => ({
    async process(bound: Bound) {
      const patterns = stringList(bound.get('Name'));
      const tests = patterns.map((p) => (hasWildcard(p) ? wildcardToRegExp(p) : { test: (t: string) => t.toLowerCase() === p.toLowerCase() }));
      const imported = ctx.session.importedModules();
      for (const module of KNOWN) {
        if (bound.get('ListAvailable') !== true && !module.builtIn && !imported.has(module.name)) continue;
        if (tests.length > 0 && !tests.some((t) => t.test(module.name))) continue;
        await ctx.emit(moduleInfo(module, ctx.session.commands()));
      }
    },
  }),
};
