// The window's "Import topology…": the server's Get-CsSite / Get-CsService
// -PersistentChatServer exports, their bytes from the page (a file input, as
// the import dialog reads them), read and recorded exactly as
// Import-PchatTopology does (all files checked before anything is written),
// in one statement slot so it never interleaves with the console or a form.

import { TopologyError } from '../engine/changes/topology';
import { planTopologyImport, writeImportedTopology } from '../engine/cmdlets/pchat/topology';
import { InputFormatError, readConfigInput, type ReadInput } from '../engine/formats/config-input';
import type { ConfigRepository } from '../engine/store/types';
import type { TopologyImportDto, TopologyImportRequest } from './contract';
import type { StatementQueue } from './statement-queue';

function clause(message: string): string {
  return message.replace(/\.+$/, '');
}

export async function importTopologyFromWindow(repo: ConfigRepository, queue: StatementQueue, request: TopologyImportRequest): Promise<TopologyImportDto> {
  return queue.run(async () => {
    const files: { name: string; input: ReadInput }[] = [];
    for (const file of request.files) {
      try {
        files.push({ name: file.name, input: readConfigInput(Buffer.from(file.content, 'base64')) });
      } catch (e) {
        if (e instanceof InputFormatError) return { ok: false, sites: 0, pools: 0, message: `Cannot import '${file.name}': ${clause(e.message)}. Nothing was changed.` };
        throw e;
      }
    }
    let found;
    try {
      found = planTopologyImport(files);
    } catch (e) {
      if (!(e instanceof TopologyError)) throw e;
      const names = files.map((f) => `'${f.name}'`).join(', ');
      return { ok: false, sites: 0, pools: 0, message: `Cannot import the topology from ${names}: ${clause(e.message)}. Nothing was changed.` };
    }
    try {
      writeImportedTopology(repo, files, found);
    } catch (e) {
      return { ok: false, sites: 0, pools: 0, message: `Cannot record the topology: ${(e as Error).message}` };
    }
    return { ok: true, sites: found.sites.length, pools: found.pools.length };
  });
}
