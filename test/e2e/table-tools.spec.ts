// The table as a power user drives it: multi-select with bulk Edit and bulk
// Remove, Search and the scope chips, the marks on values away from their
// default, copying and exporting rows, and the keyboard. Every change is
// checked in the store file on disk.

import fs from 'node:fs';
import { AppPage } from '../support/app-page';
import { expect, test } from './fixtures';

const SITES = ['site:Dublin', 'site:Lima', 'site:Oslo', 'site:Quito'];
const POOL = 'service:PersistentChatServer:pchat-frontend-cluster-primary-01.contoso.com';

function seed(shell: (command: string) => unknown): void {
  shell(
    [
      ...SITES.map((s) => `New-CsPersistentChatConfiguration -Identity ${s} | Out-Null`),
      'Set-CsPersistentChatConfiguration -Identity site:Dublin -FileServiceUrl https://files.contoso.com/share',
      `New-CsPersistentChatConfiguration -Identity ${POOL} -DefaultChatHistory 60 | Out-Null`,
    ].join('; '),
  );
}

test('Ctrl+click and Shift+click select several rows; bulk Edit applies only the fields changed, per collection', async ({ app, preview }) => {
  seed(preview.shell);
  const ui = new AppPage(app);
  await expect(ui.row('site:Quito')).toBeVisible();
  // With nothing selected yet, Ctrl+click selects the row it is on.
  await ui.row('site:Quito').click({ modifiers: ['Control'] });
  await expect(ui.table.locator('tr[aria-selected="true"]')).toHaveCount(1);
  await ui.row('site:Dublin').click();
  await ui.row('site:Oslo').click({ modifiers: ['Shift'] });
  await ui.row('site:Lima').click({ modifiers: ['Control'] });
  await expect(ui.table.locator('tr[aria-selected="true"]')).toHaveCount(2);

  await app.getByRole('button', { name: 'Edit', exact: true }).click();
  const dialog = ui.dialog('Edit 2 configurations');
  await dialog.getByLabel('DefaultChatHistory', { exact: true }).fill('45');
  const changes = dialog.getByRole('region', { name: 'What will change' });
  await expect(changes).toContainText('site:Dublin');
  await expect(changes).toContainText('DefaultChatHistory 30 → 45');
  await expect(dialog.getByRole('group', { name: 'Equivalent cmdlet' })).toContainText(
    'Get-CsPersistentChatConfiguration | Where-Object {$_.Identity -in "site:Dublin","site:Oslo"} | Set-CsPersistentChatConfiguration -DefaultChatHistory 45',
  );
  await dialog.getByRole('checkbox', { name: 'FileServiceUrl' }).check();
  await expect(changes).toContainText('FileServiceUrl https://files.contoso.com/share → $null');
  await dialog.getByRole('button', { name: 'Commit' }).click();
  await expect(dialog).toBeHidden();

  const stored = preview.stored();
  expect(stored['site:Dublin']).toMatchObject({ DefaultChatHistory: 45, FileServiceUrl: null, ParticipantUpdateLimit: 75 });
  expect(stored['site:Oslo']).toMatchObject({ DefaultChatHistory: 45 });
  expect(stored['site:Lima']).toMatchObject({ DefaultChatHistory: 30 });
  expect(stored['site:Quito']).toMatchObject({ DefaultChatHistory: 30 });
  await expect(ui.consoleOutput).toContainText('| Set-CsPersistentChatConfiguration -DefaultChatHistory 45 -FileServiceUrl $null');
});

test('bulk Edit: a collection that fails is reported on its own and the others are changed', async ({ app, preview }) => {
  seed(preview.shell);
  const ui = new AppPage(app);
  await expect(ui.row('site:Quito')).toBeVisible();
  await ui.row('site:Lima').click();
  await ui.row('site:Quito').click({ modifiers: ['Control'] });
  await app.keyboard.press('F2');
  const dialog = ui.dialog('Edit 2 configurations');
  await dialog.getByLabel('ParticipantUpdateLimit', { exact: true }).fill('120');
  await expect(dialog.getByRole('button', { name: 'Commit' })).toBeEnabled();
  // Another administrator removes one of them meanwhile.
  preview.shell('Remove-CsPersistentChatConfiguration -Identity site:Lima');
  await dialog.getByRole('button', { name: 'Commit' }).click();
  const results = dialog.getByRole('alert').filter({ hasText: '1 of 2 done; 1 failed' });
  await expect(results).toBeVisible();
  await expect(results.getByRole('listitem').filter({ hasText: 'site:Lima' })).toContainText('site:Lima');
  await expect(results.getByRole('listitem').filter({ hasText: 'site:Quito' })).toContainText('done');
  expect(preview.stored()['site:Quito']).toMatchObject({ ParticipantUpdateLimit: 120 });
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
});

test('bulk Remove: Shift+arrows select a range, Delete asks once, listing them, and removes them all', async ({ app, preview }) => {
  seed(preview.shell);
  const ui = new AppPage(app);
  await expect(ui.row('site:Quito')).toBeVisible();
  await ui.row('site:Lima').click();
  await app.keyboard.press('Shift+ArrowDown');
  await app.keyboard.press('Shift+ArrowDown');
  await app.keyboard.press('Delete');
  const dialog = ui.dialog('Remove 3 configurations');
  for (const identity of ['site:Lima', 'site:Oslo', 'site:Quito']) await expect(dialog.getByRole('listitem').filter({ hasText: identity })).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Remove 3' }).click();
  await expect(dialog).toBeHidden();
  expect(Object.keys(preview.stored()).sort()).toEqual(['Global', POOL, 'site:Dublin']);
});

test('Search matches any column; the scope chips narrow by scope; -Filter still goes to the engine', async ({ app, preview }) => {
  seed(preview.shell);
  const ui = new AppPage(app);
  await expect(ui.row('site:Quito')).toBeVisible();
  const search = app.getByRole('searchbox', { name: 'Search' });
  await search.fill('contoso');
  // The pool by its identity, Dublin by its FileServiceUrl.
  await expect.poll(() => ui.identities()).toEqual(['site:Dublin', POOL]);
  await search.fill('REDMOND');
  await expect(ui.table).toContainText('No configuration matches the search or the scope chips.');
  await search.fill('');
  await app.getByRole('button', { name: 'Site', exact: true }).click();
  await app.getByRole('button', { name: 'Global', exact: true }).click();
  await expect(app.getByRole('button', { name: 'Pool', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => ui.identities()).toEqual([POOL]);
  await app.getByRole('button', { name: 'Site', exact: true }).click();
  await app.getByRole('button', { name: 'Global', exact: true }).click();
  await app.getByRole('searchbox', { name: '-Filter' }).fill('site:*');
  await expect.poll(() => ui.identities()).toEqual(SITES);
});

test('values away from their default are marked, with the default on hover; long pool names keep their end visible', async ({ app, preview }) => {
  seed(preview.shell);
  const ui = new AppPage(app);
  await expect(ui.row(POOL)).toBeVisible();
  const columns = await ui.table.getByRole('columnheader').allInnerTexts();
  const history = columns.findIndex((h) => h.replace(/\s+/g, '') === 'DefaultChatHistory');
  await expect(ui.row(POOL).getByRole('gridcell').nth(history)).toHaveAttribute('title', 'Differs from the default (30)');
  await expect(ui.row('site:Lima').getByRole('gridcell').nth(history)).not.toHaveAttribute('title', /.+/);
  // Numeric headers end where their numbers end (the sort arrow's slot is on the left).
  const edges = await app.evaluate(() => {
    const header = document.querySelectorAll('thead th')[2]!.querySelector('.label')!.getBoundingClientRect();
    const range = document.createRange();
    range.selectNodeContents(document.querySelectorAll('tbody tr')[0]!.querySelectorAll('td')[2]!);
    return { header: header.right, cell: range.getBoundingClientRect().right };
  });
  expect(Math.abs(edges.header - edges.cell)).toBeLessThanOrEqual(1.5);
  // The cut falls in the middle of the name, between words: "…01.contoso.com" stays on screen whole.
  const tail = ui.row(POOL).getByText('01.contoso.com', { exact: true });
  await expect(tail).toBeVisible();
  const cell = await ui.row(POOL).getByRole('gridcell').first().boundingBox();
  const end = await tail.boundingBox();
  expect(end!.x + end!.width).toBeLessThanOrEqual(cell!.x + cell!.width + 1);
});

test('Ctrl+C copies the selected rows as tab-separated text; the row menu copies identities and the recreating cmdlet, and exports CSV', async ({ app, preview, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  seed(preview.shell);
  const ui = new AppPage(app);
  await expect(ui.row(POOL)).toBeVisible();
  await ui.row('site:Dublin').click();
  await ui.row(POOL).click({ modifiers: ['Control'] });
  await app.keyboard.press('Control+C');
  await expect(app.getByRole('status').filter({ hasText: 'Copied 2 rows' })).toBeVisible();
  const clipboard = () => app.evaluate(() => navigator.clipboard.readText());
  expect((await clipboard()).split('\r\n')).toEqual([
    'Identity\tScope\tDefaultChatHistory\tMaxChatContentSizeMB\tMaxFileSizeKB\tParticipantUpdateLimit\tFileServiceUrl\tRoomManagementUrl',
    'site:Dublin\tSite\t30\t20\t20000\t75\thttps://files.contoso.com/share\t',
    `${POOL}\tPool\t60\t20\t20000\t75\t\t`,
    '',
  ]);

  // A right click on a selected row acts on the whole selection: one line per collection, only values away from their default.
  await ui.row(POOL).click({ button: 'right' });
  const menu = app.getByRole('menu', { name: 'Row actions' });
  await expect(menu.getByRole('menuitem').first()).toBeFocused();
  await menu.getByRole('menuitem', { name: 'Copy as cmdlet' }).click();
  await expect
    .poll(clipboard)
    .toBe(
      'New-CsPersistentChatConfiguration -Identity "site:Dublin" -FileServiceUrl "https://files.contoso.com/share"\r\n' +
        `New-CsPersistentChatConfiguration -Identity "${POOL}" -DefaultChatHistory 60`,
    );
  // The line recreates it: run in the console after removing it, it brings back the same values.
  const before = preview.stored()[POOL];
  preview.shell(`Remove-CsPersistentChatConfiguration -Identity ${POOL}; ${(await clipboard()).split('\r\n')[1]} | Out-Null`);
  expect(preview.stored()[POOL]).toEqual(before);

  // A right click on a row outside the selection selects just it.
  await ui.row('Global').click({ button: 'right' });
  await expect(ui.table.locator('tr[aria-selected="true"]')).toHaveCount(1);
  await menu.getByRole('menuitem', { name: 'Copy as cmdlet' }).click();
  await expect.poll(clipboard).toBe('Set-CsPersistentChatConfiguration -Identity "Global"');

  // Keyboard: Shift+F10 opens the same menu on the current row.
  await ui.row(POOL).click();
  await app.keyboard.press('Shift+F10');
  await menu.getByRole('menuitem', { name: 'Copy Identity' }).click();
  await expect.poll(clipboard).toBe(POOL);

  await ui.row('site:Dublin').click({ button: 'right' });
  const download = app.waitForEvent('download');
  await menu.getByRole('menuitem', { name: 'Export all shown rows to CSV…' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^pchat-configurations-\d{8}-\d{4}\.csv$/);
  const csv = fs.readFileSync((await file.path())!, 'utf8');
  expect(csv.split('\r\n').slice(0, 3)).toEqual([
    '\uFEFF"Identity","Scope","DefaultChatHistory","MaxChatContentSizeMB","MaxFileSizeKB","ParticipantUpdateLimit","FileServiceUrl","RoomManagementUrl"',
    '"Global","Global","30","20","20000","75","",""',
    '"site:Dublin","Site","30","20","20000","75","https://files.contoso.com/share",""',
  ]);
  expect(csv.trimEnd().split('\r\n')).toHaveLength(7);
});

test('keyboard: headers are one Tab stop, a row reached with Tab is selected, and the window shortcuts work', async ({ app, preview }) => {
  seed(preview.shell);
  const ui = new AppPage(app);
  await expect(ui.row('site:Quito')).toBeVisible();
  const headers = ui.table.getByRole('columnheader').getByRole('button');
  await headers.first().focus();
  await expect(headers.first()).toHaveAttribute('tabindex', '0');
  await app.keyboard.press('ArrowRight');
  await expect(headers.nth(1)).toBeFocused();
  await expect(ui.table.locator('thead [tabindex="0"]')).toHaveCount(1);
  // From the headers, one Tab reaches the rows: the first is selected.
  await app.keyboard.press('Tab');
  await expect(ui.row('Global')).toBeFocused();
  await expect(ui.row('Global')).toHaveAttribute('aria-selected', 'true');
  await expect(app.getByRole('button', { name: 'Edit', exact: true })).toBeEnabled();

  await app.keyboard.press('Control+a');
  await expect(ui.table.locator('tr[aria-selected="true"]')).toHaveCount(6);
  await expect(app.getByRole('status').filter({ hasText: '6 configurations · 6 selected' })).toBeVisible();
  await app.keyboard.press('Escape');
  await expect(ui.table.locator('tr[aria-selected="true"]')).toHaveCount(1);

  await app.keyboard.press('Control+f');
  await expect(app.getByRole('searchbox', { name: 'Search' })).toBeFocused();
  // `?` in a text field is text.
  await app.keyboard.type('?');
  await expect(ui.dialog('Keyboard shortcuts')).toHaveCount(0);
  await app.getByRole('searchbox', { name: 'Search' }).fill('');
  await ui.row('site:Lima').click();
  await app.keyboard.press('?');
  const sheet = ui.dialog('Keyboard shortcuts');
  await expect(sheet.getByRole('row', { name: /Ctrl\+N/ })).toBeVisible();
  await app.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
  await app.keyboard.press('F1');
  await expect(sheet).toBeVisible();
  await app.keyboard.press('Escape');

  await app.keyboard.press('Control+n');
  await expect(app.getByRole('menuitem', { name: 'Site configuration' })).toBeFocused();
  await app.keyboard.press('Escape');

  await ui.row('site:Lima').click();
  await app.keyboard.press('F2');
  await expect(ui.dialog('Edit configuration')).toBeVisible();
  await app.keyboard.press('Escape');

  // F5 refreshes the table, not the page: the console transcript survives it.
  await ui.runCmdlet('Get-Date');
  await ui.row('site:Lima').click();
  await app.keyboard.press('F5');
  await expect(ui.row('site:Lima')).toBeVisible();
  await expect(ui.consoleOutput).toContainText('PS> Get-Date');
});
