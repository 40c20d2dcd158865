// The one-call summary for the window: baseline source and age, pending
// changes and the script, agreeing with Get-PchatChange and the exported file.

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { changesSummary } from '../../../src-main/engine/changes/summary';
import { createTestSession } from '../../helpers/engine-session';

const FIXTURE = path.resolve('test/fixtures/server/pchat-config.json');

describe('changesSummary', () => {
  it('is empty without a baseline, and says why when baseline.json is unusable', () => {
    const t = createTestSession();
    try {
      expect(changesSummary(t.session.repo)).toEqual({ baseline: null, changes: [], script: '', topology: { sites: [], pools: [] } });
      fs.writeFileSync(path.join(t.dir, 'baseline.json'), '{"format":"something-else","version":1}');
      expect(changesSummary(t.session.repo).problem).toContain('is not a pchat-admin baseline file');
    } finally {
      t.cleanup();
    }
  });

  it('gives the source, its age, the changes and the exported script', async () => {
    const t = createTestSession();
    try {
      await t.run(`Import-PchatBaseline '${FIXTURE}' | Out-Null; Set-CsPersistentChatConfiguration -DefaultChatHistory 99`);
      const imported = JSON.parse(fs.readFileSync(path.join(t.dir, 'baseline.json'), 'utf8')).source.importedAt as string;
      const later = new Date(Date.parse(imported) + 90_000);
      const summary = changesSummary(t.session.repo, later);
      expect(summary.baseline).toMatchObject({ file: 'pchat-config.json', format: 'JSON', ageSeconds: 90 });
      expect(summary.changes).toEqual([{ identity: 'Global', action: 'Set', property: 'DefaultChatHistory', baseline: 40, working: 99 }]);
      const file = path.join(t.dir, 'c.ps1');
      await t.run(`Export-PchatChangeScript '${file}'`);
      const body = (text: string) => text.split('\r\n').filter((l) => !l.startsWith('# Generated:'));
      expect(body(summary.script)).toEqual(body(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '')));
    } finally {
      t.cleanup();
    }
  });
});
