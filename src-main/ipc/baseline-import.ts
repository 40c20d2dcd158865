// The window's "Import from server export…": the file's bytes come from the
// page (a file input works the same in Electron and in the web preview), are
// read and checked exactly as Import-PchatBaseline reads a file, previewed
// (what the import changes, what local work it discards), and applied in one
// statement slot so it never interleaves with the console or a form.

import { applyBaselineImport, planBaselineImport, pendingRefusal } from '../engine/changes/baseline-import';
import { RecordError } from '../engine/changes/records';
import { InputFormatError } from '../engine/formats/config-input';
import type { ConfigRepository } from '../engine/store/types';
import type { BaselineImportDto, BaselineImportRequest } from './contract';
import type { StatementQueue } from './statement-queue';

function clause(message: string): string {
  return message.replace(/\.+$/, '');
}

export async function importBaselineFromWindow(repo: ConfigRepository, queue: StatementQueue, request: BaselineImportRequest): Promise<BaselineImportDto> {
  return queue.run(async () => {
    // Warnings about the store (moved aside, …) are the console's to show; here only its current state matters.
    repo.refresh();
    const refused = (message: string): BaselineImportDto => ({ ok: false, applied: false, message, warnings: [], changes: [], localPending: 0 });
    let plan;
    try {
      plan = planBaselineImport(repo, Buffer.from(request.content, 'base64'));
    } catch (e) {
      if (e instanceof InputFormatError || e instanceof RecordError) return refused(`Cannot import '${request.name}': ${clause(e.message)}. Nothing was changed.`);
      throw e;
    }
    const preview: BaselineImportDto = {
      ok: true,
      applied: false,
      format: plan.input.format,
      encoding: plan.input.encoding,
      collections: plan.records.length,
      warnings: plan.warnings,
      changes: plan.changes,
      localPending: plan.localPending,
    };
    if (!request.apply) return preview;
    if (plan.localPending !== 0 && !request.force) {
      return { ...preview, ok: false, message: `Cannot import '${request.name}': ${pendingRefusal(plan.localPending)}, and importing would discard them. Nothing was changed.` };
    }
    try {
      const afterCommit: (() => void)[] = [];
      applyBaselineImport(repo, plan, request.name, (record) => afterCommit.push(record));
      const result = repo.commit();
      if (result.conflicts.length > 0) {
        repo.rollback();
        return { ...preview, ok: false, message: `The import could not be saved: ${result.conflicts.map((c) => c.message).join(' ')}` };
      }
      // The baseline is recorded only once the configuration it describes is saved.
      for (const record of afterCommit) record();
    } catch (e) {
      repo.rollback();
      return { ...preview, ok: false, message: `The import could not be saved: ${(e as Error).message}` };
    }
    return { ...preview, applied: true };
  });
}
