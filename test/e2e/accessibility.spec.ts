// axe-core over every state of the window, light and dark: the main view,
// each dialog and sheet, the row menu, the console with output and an error,
// and the Help pane. No serious or critical violation is allowed.
// axe runs inside the page (evaluated through DevTools, so the page's strict
// CSP stays as it is).

import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { AppPage } from '../support/app-page';
import { ROOT } from '../support/build-app';
import { expect, test } from './fixtures';

const AXE = fs.readFileSync(path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** Serious and critical violations on the page now, as readable lines. */
async function serious(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Violation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.impact} ${v.id}: ${n.target.join(' ')} — ${n.failureSummary ?? ''}`));
}

const SEED = [
  'New-CsPersistentChatConfiguration -Identity site:Redmond -DefaultChatHistory 50 | Out-Null',
  'New-CsPersistentChatConfiguration -Identity site:Paris | Out-Null',
  'New-CsPersistentChatConfiguration -Identity service:PersistentChatServer:pchat01.contoso.com -FileServiceUrl https://chat.contoso.com/files | Out-Null',
].join('; ');

for (const scheme of ['light', 'dark'] as const) {
  test(`axe: no serious or critical violations in any state (${scheme})`, async ({ browser, preview }) => {
    preview.shell(SEED);
    const page = await browser.newPage({ colorScheme: scheme, viewport: { width: 1280, height: 800 } });
    await page.goto(preview.url);
    const ui = new AppPage(page);
    await expect(ui.row('site:Redmond')).toBeVisible();
    const check = async (state: string) => expect(await serious(page), state).toEqual([]);

    await ui.row('site:Redmond').click();
    await check('main view');

    // The console with output, a warning and an error.
    await ui.runCmdlet('Get-CsPersistentChatConfiguration -Identity site:Paris');
    await ui.runCmdlet('Set-CsPersistentChatConfiguration -Identity site:Paris -DefaultChatHistory 600');
    await check('console with output and an error');

    await page.getByRole('button', { name: 'Effective settings', exact: true }).click();
    await check('Effective settings pane');
    await page.getByRole('button', { name: 'Effective settings', exact: true }).click();

    await ui.row('site:Redmond').click({ button: 'right' });
    await check('row menu');
    await page.keyboard.press('Escape');

    const edit = await ui.openEdit('site:Redmond');
    await edit.getByLabel('DefaultChatHistory', { exact: true }).fill('600');
    await expect(edit.getByRole('alert').first()).toBeVisible();
    await check('edit dialog with an error');
    await page.keyboard.press('F1');
    await expect(ui.dialog(/^Help/)).toBeVisible();
    await check('Help pane over the edit dialog');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    // The edit typed is not thrown away without asking.
    await check('discard prompt');
    await page.getByRole('button', { name: 'Discard changes' }).click();

    await ui.row('site:Redmond').click();
    await page.getByRole('button', { name: 'Remove', exact: true }).click();
    await check('remove dialog');
    await page.keyboard.press('Escape');

    await ui.row('Global').click();
    await page.getByRole('button', { name: 'Reset to defaults' }).click();
    await check('reset Global dialog');
    await page.keyboard.press('Escape');

    await ui.row('site:Redmond').click();
    await ui.row('site:Paris').click({ modifiers: ['Shift'] });
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await ui.dialog('Edit 2 configurations').getByLabel('MaxFileSizeKB', { exact: true }).fill('12.5');
    await expect(ui.dialog('Edit 2 configurations').getByText('Will be stored as 12')).toBeVisible();
    await check('bulk edit dialog');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Remove', exact: true }).click();
    await check('bulk remove dialog');
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'New', exact: true }).click();
    await check('New menu');
    await page.getByRole('menuitem', { name: 'Pool configuration' }).click();
    await check('New pool picker');
    await page.keyboard.press('Escape');

    await ui.row('site:Paris').click();
    await page.keyboard.press('?');
    await check('keyboard shortcuts');
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Help', exact: true }).click();
    await check('Help pane, cmdlet list');
    await ui.dialog(/^Help/).getByRole('button', { name: 'New-CsPersistentChatConfiguration' }).click();
    await expect(ui.dialog('Help: New-CsPersistentChatConfiguration')).toBeVisible();
    await check('Help pane, a cmdlet');
    await page.close();
  });
}

test('landmarks and a heading: one h1, the toolbar, table, console and status bar each in a landmark', async ({ app }) => {
  await expect(app.getByRole('heading', { level: 1 })).toHaveCount(1);
  await expect(app.getByRole('banner').getByRole('searchbox', { name: 'Search' })).toBeVisible();
  await expect(app.getByRole('main').getByRole('grid', { name: 'Persistent Chat configurations' })).toBeVisible();
  await expect(app.getByRole('region', { name: 'Console' }).getByRole('textbox', { name: 'Cmdlet console input' })).toBeVisible();
  await expect(app.getByRole('contentinfo')).toBeVisible();
});

test('the 800×560 minimum window shows a usable table: five whole rows, and the toolbar without sideways scrolling', async ({ browser, preview }) => {
  preview.shell(['site:A', 'site:B', 'site:C', 'site:D', 'site:E', 'site:F'].map((s) => `New-CsPersistentChatConfiguration -Identity ${s} | Out-Null`).join('; '));
  const page = await browser.newPage({ viewport: { width: 800, height: 560 } });
  await page.goto(preview.url);
  const ui = new AppPage(page);
  await expect(ui.row('site:F')).toBeAttached();
  await expect(ui.consoleInput).toBeVisible();
  const scroller = ui.table.locator('xpath=..');
  const view = (await scroller.boundingBox())!;
  const header = (await ui.table.locator('thead').boundingBox())!;
  let whole = 0;
  for (const identity of ['Global', 'site:A', 'site:B', 'site:C', 'site:D', 'site:E', 'site:F']) {
    const box = (await ui.row(identity).boundingBox())!;
    if (box.y >= header.y + header.height - 1 && box.y + box.height <= view.y + view.height + 1) whole++;
  }
  expect(whole).toBeGreaterThanOrEqual(5);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await page.close();
});
