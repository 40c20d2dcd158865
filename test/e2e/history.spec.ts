// Safe concurrent edits, the cancel prompt, and the change history with
// undo, in the web preview: the headless shell writes the same store from
// another process while a dialog is open, and every check ends on the store
// file on disk.

import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { AppPage } from '../support/app-page';
import { ROOT } from '../support/build-app';
import { expect, test } from './fixtures';

const SHOTS = path.join(ROOT, 'docs', 'screenshots');

const AXE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's serious and critical violations inside `selector` (our parts only; the rest of the window is checked elsewhere). */
async function axeProblems(page: Page, selector: string): Promise<string[]> {
  // Evaluated through the debugging protocol, so the page's CSP (no inline scripts) stays as it is.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  return page.evaluate(async (include) => {
    const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run({ include: [include] }, { resultTypes: ['violations'] });
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, selector);
}

function field(dialog: Locator, name: string): Locator {
  return dialog.getByLabel(name, { exact: true });
}

test('an open Edit dialog shows a change made elsewhere and never overwrites it without asking', async ({ app, preview }) => {
  preview.shell('New-CsPersistentChatConfiguration -Identity site:Redmond -ParticipantUpdateLimit 100 | Out-Null');
  const ui = new AppPage(app);
  await expect(ui.row('site:Redmond')).toBeVisible();
  const dialog = await ui.openEdit('site:Redmond');
  await field(dialog, 'DefaultChatHistory').fill('60');

  expect(preview.shell('Set-CsPersistentChatConfiguration -Identity site:Redmond -ParticipantUpdateLimit 300 -DefaultChatHistory 33').code).toBe(0);

  const notice = dialog.getByRole('region', { name: 'Changed elsewhere' });
  await expect(notice.getByRole('group', { name: 'ParticipantUpdateLimit changed elsewhere' })).toContainText('100 → 300');
  await expect(notice.getByRole('group', { name: 'DefaultChatHistory changed elsewhere' })).toContainText('30 → 33');
  // The untouched field follows the store; the edited one waits for a choice, and so does Commit.
  await expect(field(dialog, 'ParticipantUpdateLimit')).toHaveValue('300');
  await expect(field(dialog, 'DefaultChatHistory')).toHaveValue('60');
  await expect(dialog.getByRole('button', { name: 'Commit' })).toBeDisabled();
  await dialog.screenshot({ path: path.join(SHOTS, 'edit-changed-elsewhere.png') });
  expect(await axeProblems(app, 'dialog[open]')).toEqual([]);

  await notice.getByRole('group', { name: 'DefaultChatHistory changed elsewhere' }).getByRole('button', { name: /^Keep mine/ }).click();
  await expect(dialog.getByRole('group', { name: 'Equivalent cmdlet' })).toContainText('-DefaultChatHistory 60');
  await ui.commit(dialog);
  expect(preview.stored()['site:Redmond']).toMatchObject({ DefaultChatHistory: 60, ParticipantUpdateLimit: 300 });
});

test('take theirs drops the edit; a removal elsewhere leaves nothing to commit', async ({ app, preview }) => {
  preview.shell('New-CsPersistentChatConfiguration -Identity site:Oslo | Out-Null');
  const ui = new AppPage(app);
  const dialog = await ui.openEdit('site:Oslo');
  await field(dialog, 'MaxFileSizeKB').fill('500');
  preview.shell('Set-CsPersistentChatConfiguration -Identity site:Oslo -MaxFileSizeKB 700');
  const group = dialog.getByRole('region', { name: 'Changed elsewhere' }).getByRole('group', { name: 'MaxFileSizeKB changed elsewhere' });
  await group.getByRole('button', { name: /^Take theirs/ }).click();
  await expect(field(dialog, 'MaxFileSizeKB')).toHaveValue('700');
  await expect(dialog).toContainText('No changes to commit');

  await field(dialog, 'DefaultChatHistory').fill('44');
  preview.shell('Remove-CsPersistentChatConfiguration -Identity site:Oslo');
  await expect(dialog.getByRole('region', { name: 'Removed elsewhere' })).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Commit' })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(preview.stored()['site:Oslo']).toBeUndefined();
});

test('Cancel or Escape with unsaved edits asks before discarding them', async ({ app, preview }) => {
  preview.shell('New-CsPersistentChatConfiguration -Identity site:Lima | Out-Null');
  const ui = new AppPage(app);
  let dialog = await ui.openEdit('site:Lima');
  // Nothing typed: Escape closes at once.
  await app.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  dialog = await ui.openEdit('site:Lima');
  await field(dialog, 'DefaultChatHistory').fill('77');
  await app.keyboard.press('Escape');
  const prompt = ui.dialog('Discard changes?');
  await expect(prompt).toBeVisible();
  await expect(prompt.getByRole('button', { name: 'Keep editing' })).toBeFocused();
  expect(await axeProblems(app, 'dialog[open]')).toEqual([]);
  await app.keyboard.press('Escape'); // Escape on the prompt keeps editing
  await expect(prompt).toBeHidden();
  await expect(field(dialog, 'DefaultChatHistory')).toHaveValue('77');

  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await prompt.getByRole('button', { name: 'Discard changes' }).click();
  await expect(dialog).toBeHidden();
  expect(preview.stored()['site:Lima']).toMatchObject({ DefaultChatHistory: 30 });

  // New forms ask too.
  const created = await ui.startNew('site', 'Quito');
  await field(created, 'DefaultChatHistory').fill('12');
  await created.getByRole('button', { name: 'Cancel' }).click();
  await expect(ui.dialog('Discard changes?')).toBeVisible();
  await ui.dialog('Discard changes?').getByRole('button', { name: 'Discard changes' }).click();
  await expect(created).toBeHidden();
  expect(preview.stored()['site:Quito']).toBeUndefined();
});

test('the History pane lists changes from every source; Undo and Revert show the inverse cmdlets first', async ({ app, preview }) => {
  const ui = new AppPage(app);
  preview.shell('New-CsPersistentChatConfiguration -Identity site:Paris | Out-Null');
  await expect(ui.row('site:Paris')).toBeVisible();
  await ui.commit(await ui.openEdit('site:Paris'), { DefaultChatHistory: '45' });
  await ui.runCmdlet('Set-CsPersistentChatConfiguration -MaxFileSizeKB 999');

  await app.getByRole('button', { name: 'History', exact: true }).click();
  const pane = app.getByRole('region', { name: 'Change history' });
  const entry = (id: number): Locator => pane.getByRole('listitem', { name: `Change ${id}` });
  await expect(entry(1)).toContainText('headless shell');
  await expect(entry(1)).toContainText('site:Paris created');
  await expect(entry(2)).toContainText('window form');
  await expect(entry(2)).toContainText('DefaultChatHistory 30 → 45');
  await expect(entry(3)).toContainText('window console');
  await expect(entry(3)).toContainText('Set-CsPersistentChatConfiguration -MaxFileSizeKB 999');
  await app.screenshot({ path: path.join(SHOTS, 'history-pane.png') });
  expect(await axeProblems(app, '[data-pane="history"]')).toEqual([]);

  // Ctrl+Z outside a text field: the last change, shown as its inverse before it runs.
  await ui.row('Global').click();
  await app.keyboard.press('Control+z');
  const undo = ui.dialog('Undo change 3');
  await expect(undo.getByLabel('Undo runs the equivalent of')).toHaveText('Set-CsPersistentChatConfiguration -Identity "Global" -MaxFileSizeKB 20000');
  expect(preview.stored()['Global']).toMatchObject({ MaxFileSizeKB: 999 });
  await app.screenshot({ path: path.join(SHOTS, 'undo-dialog.png') });
  expect(await axeProblems(app, 'dialog[open]')).toEqual([]);
  await undo.getByRole('button', { name: 'Undo' }).click();
  await expect(undo).toBeHidden();
  expect(preview.stored()['Global']).toMatchObject({ MaxFileSizeKB: 20000 });
  await expect(entry(4)).toContainText('undoes #3');
  await expect(entry(3)).toContainText('undone by #4');
  await expect(ui.consoleOutput).toContainText('PS> Undo-PchatChange -Id 3');

  // Reverting the creation conflicts with the later edit: refused with the reason, nothing runs.
  await entry(1).getByRole('button', { name: 'Revert' }).click();
  const refused = ui.dialog('Revert change 1');
  await expect(refused.getByLabel('Reverting runs the equivalent of')).toHaveText('Remove-CsPersistentChatConfiguration -Identity "site:Paris"');
  await expect(refused.getByRole('alert')).toContainText('later changes conflict with it (site:Paris: DefaultChatHistory is now 45, not 30)');
  await expect(refused.getByRole('button', { name: 'Revert' })).toBeDisabled();
  await refused.getByRole('button', { name: 'Cancel' }).click();

  // The Undo button walks further back: change 2 next.
  await pane.getByRole('button', { name: 'Undo', exact: true }).click();
  const second = ui.dialog('Undo change 2');
  await expect(second.getByLabel('Undo runs the equivalent of')).toHaveText('Set-CsPersistentChatConfiguration -Identity "site:Paris" -DefaultChatHistory 30');
  await second.getByRole('button', { name: 'Undo' }).click();
  await expect(second).toBeHidden();
  expect(preview.stored()['site:Paris']).toMatchObject({ DefaultChatHistory: 30 });
  await expect.poll(() => ui.cell('site:Paris', 'DefaultChatHistory')).toBe('30');

  // A change elsewhere while the dialog is open: it says so at once and will not run.
  await entry(1).getByRole('button', { name: 'Revert' }).click();
  const revert = ui.dialog('Revert change 1');
  await expect(revert.getByRole('button', { name: 'Revert' })).toBeEnabled();
  preview.shell('Set-CsPersistentChatConfiguration -Identity site:Paris -ParticipantUpdateLimit 5');
  await expect(revert.getByRole('alert')).toContainText('ParticipantUpdateLimit is now 5, not 75');
  await expect(revert.getByRole('button', { name: 'Revert' })).toBeDisabled();
  expect(preview.stored()['site:Paris']).toMatchObject({ ParticipantUpdateLimit: 5 });
});
