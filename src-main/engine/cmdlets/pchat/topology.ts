// Import-PchatTopology reads the server's Get-CsSite and Get-CsService
// -PersistentChatServer exports; Get-CsSite and Get-CsService then answer
// from what it recorded, as the Management Shell would.

import { readTopology, readTopologyObjects, TopologyError, writeTopology, type TopologyFile } from '../../changes/topology';
import type { CommandContext, CommandHelp } from '../../shell/commands';
import type { ConfigRepository } from '../../store/types';
import { toPSString } from '../../shell/convert';
import { errorRecord, TerminatingError } from '../../shell/errors';
import { PSObject } from '../../shell/values';
import { param, stringList } from '../builtins/support';
import { clause, fail, pchatCommand, readImportFile, type ImportFile } from './support';

const IMPORT_HELP: CommandHelp = {
  synopsis: "Records the deployment's sites and Persistent Chat pools from the server's exports.",
  description:
    'Import-PchatTopology reads what Get-CsSite and Get-CsService -PersistentChatServer wrote on the server (CliXML, ' +
    'JSON or the printed list text; one file or several). Sites in the files replace the recorded sites, pools replace ' +
    'the recorded pools; a file with only sites keeps the recorded pools. Get-CsSite and Get-CsService ' +
    '-PersistentChatServer then answer from it, and the New dialogs offer these sites and pools. All or nothing.',
  examples: [
    {
      title: 'Sites and pools from the server',
      code: 'Import-PchatTopology .\\sites.xml, .\\pchat-pools.xml',
      remarks: 'On the server: Get-CsSite | Export-Clixml sites.xml; Get-CsService -PersistentChatServer | Export-Clixml pchat-pools.xml.',
    },
  ],
  outputs: 'None',
};

/** The sites and pools in the files (Import-PchatTopology and the window's Import topology…); throws TopologyError. */
export function planTopologyImport(files: readonly Pick<ImportFile, 'input'>[]): ReturnType<typeof readTopologyObjects> {
  return readTopologyObjects(files.flatMap((f) => f.input.objects));
}

/** Records them: sites or pools the files do not hold stay as they were. */
export function writeImportedTopology(repo: Pick<ConfigRepository, 'path'>, files: readonly Pick<ImportFile, 'name' | 'input'>[], found: ReturnType<typeof readTopologyObjects>, now: Date = new Date()): void {
  const current = readTopology(repo);
  const before = current.kind === 'ok' ? current.data : undefined;
  const importedAt = now.toISOString();
  writeTopology(repo, {
    sources: files.map((f) => ({ file: f.name, sha256: f.input.sha256, format: f.input.format, encoding: f.input.encoding, importedAt })),
    sites: found.sites.length > 0 ? found.sites : (before?.sites ?? []),
    pools: found.pools.length > 0 ? found.pools : (before?.pools ?? []),
  });
}

export const importTopology = pchatCommand(
  'Import-PchatTopology',
  [param('Path', 'String[]', 'The files the server wrote; several can be given at once.', { mandatory: true, position: 0 })],
  IMPORT_HELP,
  (ctx) => ({
    async process(bound) {
      const files: ImportFile[] = [];
      for (const typed of stringList(bound.get('Path'))) {
        const read = await readImportFile(ctx, typed, 'TopologyImportFailed');
        if (!read) return;
        files.push(read);
      }
      let found;
      try {
        found = planTopologyImport(files);
      } catch (e) {
        if (!(e instanceof TopologyError)) throw e;
        return fail(ctx, `Cannot import the topology from ${files.map((f) => `'${f.file}'`).join(', ')}: ${clause(e.message)}. Nothing was changed.`, 'TopologyImportFailed', files[0]?.file ?? '');
      }
      if (!(await ctx.shouldProcess(files.map((f) => f.file).join(', ')))) return;
      try {
        writeImportedTopology(ctx.repo, files, found);
      } catch (e) {
        return fail(ctx, `Cannot record the topology: ${(e as Error).message}`, 'TopologyWriteFailed', '', 'WriteError');
      }
    },
  }),
  { shouldProcess: true },
);

/** The recorded topology; a warning (not an error) when none was imported. */
async function topology(ctx: CommandContext): Promise<TopologyFile | undefined> {
  const read = readTopology(ctx.repo);
  if (read.kind === 'ok') return read.data;
  if (read.kind === 'missing') {
    await ctx.writeWarning('No topology has been imported. On the server run Get-CsSite | Export-Clixml sites.xml, then Import-PchatTopology sites.xml here.');
  } else await fail(ctx, `The topology cannot be used: ${read.reason}.`, 'TopologyUnusable', '', 'InvalidOperation');
  return undefined;
}

function matches(identity: string, wanted: string | undefined, prefix: string): boolean {
  if (wanted === undefined) return true;
  const w = wanted.toLowerCase();
  return identity.toLowerCase() === w || identity.toLowerCase() === `${prefix}${w}`;
}

export const getSite = pchatCommand(
  'Get-CsSite',
  [param('Identity', 'String', 'The site: Site:<name> or just the name.', { position: 0 })],
  {
    synopsis: 'Lists the sites of the deployment, as imported from the server.',
    description: 'Get-CsSite answers from the topology recorded by Import-PchatTopology; pchat-admin has no connection to the server of its own.',
    examples: [{ title: 'All sites', code: 'Get-CsSite', remarks: '' }],
    outputs: 'Deserialized.Microsoft.Rtc.Management.Xds.DisplaySite',
  },
  (ctx) => ({
    async process(bound) {
      const data = await topology(ctx);
      if (!data) return;
      const wanted = bound.has('Identity') ? toPSString(bound.get('Identity')!) : undefined;
      const sites = data.sites.filter((s) => matches(s.Identity, wanted, 'site:'));
      if (wanted !== undefined && sites.length === 0) {
        return fail(ctx, `Cannot find site "${wanted}" in the imported topology.`, 'SiteNotFound', wanted, 'ObjectNotFound');
      }
      for (const s of sites) {
        const pools = data.pools.filter((p) => p.SiteId !== null && p.SiteId.toLowerCase() === s.Identity.toLowerCase()).map((p) => p.PoolFqdn);
        await ctx.emit(
          new PSObject('Deserialized.Microsoft.Rtc.Management.Xds.DisplaySite', [
            ['Identity', s.Identity],
            ['SiteId', s.SiteId],
            ['DisplayName', s.DisplayName],
            ['Description', s.Description],
            ['Pools', pools],
          ]),
        );
      }
    },
  }),
);

export const getService = pchatCommand(
  'Get-CsService',
  [
    param('Identity', 'String', 'The service: PersistentChatServer:<pool FQDN> or just the FQDN.', { position: 0 }),
    param('PersistentChatServer', 'SwitchParameter', 'Lists Persistent Chat services (the only role pchat-admin knows).'),
  ],
  {
    synopsis: 'Lists the Persistent Chat pools of the deployment, as imported from the server.',
    description:
      'Get-CsService -PersistentChatServer answers from the topology recorded by Import-PchatTopology. Other service ' +
      'roles are not part of what pchat-admin manages.',
    examples: [{ title: 'All Persistent Chat pools', code: 'Get-CsService -PersistentChatServer', remarks: '' }],
    outputs: 'Deserialized.Microsoft.Rtc.Management.Xds.DisplayPersistentChatServer',
  },
  (ctx) => ({
    async process(bound) {
      const wanted = bound.has('Identity') ? toPSString(bound.get('Identity')!) : undefined;
      if (bound.get('PersistentChatServer') !== true && !(wanted && /^PersistentChatServer:/i.test(wanted))) {
        throw new TerminatingError(
          errorRecord({
            message: 'pchat-admin knows only Persistent Chat services. Use Get-CsService -PersistentChatServer.',
            errorId: 'RoleNotSupported',
            category: 'InvalidArgument',
            exceptionType: 'ArgumentException',
            command: ctx.commandName,
            extent: ctx.extent,
          }),
        );
      }
      const data = await topology(ctx);
      if (!data) return;
      const pools = data.pools.filter((p) => matches(p.Identity, wanted, 'persistentchatserver:'));
      if (wanted !== undefined && pools.length === 0) {
        return fail(ctx, `Cannot find service "${wanted}" in the imported topology.`, 'ServiceNotFound', wanted, 'ObjectNotFound');
      }
      for (const p of pools) {
        await ctx.emit(
          new PSObject('Deserialized.Microsoft.Rtc.Management.Xds.DisplayPersistentChatServer', [
            ['Identity', p.Identity],
            ['PoolFqdn', p.PoolFqdn],
            ['SiteId', p.SiteId],
            ['Role', 'PersistentChatServer'],
          ]),
        );
      }
    },
  }),
);
