// The window's "Restore…": a backup file's bytes from the page (a file input,
// as the import dialog reads them), read and checked exactly as
// Import-PchatConfiguration checks a file (planRestore, all or nothing),
// previewed (what the working configuration would become), and applied in
// one statement slot so it never interleaves with the console or a form.

import { replaceWorking } from '../engine/changes/apply';
import { pendingChanges } from '../engine/changes/diff';
import { planRestore, writeRestoredSideFiles } from '../engine/cmdlets/pchat/configuration-backup';
import { InputFormatError, readConfigInput } from '../engine/formats/config-input';
import type { ConfigRepository } from '../engine/store/types';
import type { ConfigurationRestoreDto, ConfigurationRestoreRequest } from './contract';
import type { StatementQueue } from './statement-queue';

function clause(message: string): string {
  return message.replace(/\.+$/, '');
}

export async function restoreConfigurationFromWindow(repo: ConfigRepository, queue: StatementQueue, request: ConfigurationRestoreRequest): Promise<ConfigurationRestoreDto> {
  return queue.run(async () => {
    repo.refresh();
    const refused = (why: string): ConfigurationRestoreDto => ({
      ok: false,
      applied: false,
      message: `Cannot restore '${request.name}': ${clause(why)}. Nothing was changed.`,
      changes: [],
      collections: 0,
      baseline: null,
      topology: null,
    });
    let plan;
    try {
      plan = planRestore(readConfigInput(Buffer.from(request.content, 'base64')));
    } catch (e) {
      if (e instanceof InputFormatError) return refused(e.message);
      throw e;
    }
    if ('refused' in plan) return refused(plan.refused);
    const preview: ConfigurationRestoreDto = {
      ok: true,
      applied: false,
      changes: pendingChanges(repo.list(), plan.collections),
      collections: plan.collections.length,
      baseline: plan.baseline ? plan.baseline.source.file : null,
      topology: plan.topology ? { sites: plan.topology.sites.length, pools: plan.topology.pools.length } : null,
    };
    if (!request.apply) return preview;
    try {
      writeRestoredSideFiles(repo, plan);
      replaceWorking(repo, plan.collections);
      const result = repo.commit();
      if (result.conflicts.length > 0) {
        repo.rollback();
        return { ...preview, ok: false, message: `The restore could not be saved: ${result.conflicts.map((c) => c.message).join(' ')}` };
      }
    } catch (e) {
      repo.rollback();
      return { ...preview, ok: false, message: `Cannot restore '${request.name}': ${(e as Error).message}` };
    }
    return { ...preview, applied: true };
  });
}
