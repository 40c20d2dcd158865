// The console keeps up: output streams while a pipeline runs (and Stop still
// ends it), the scrollback is bounded and says what it dropped, output is
// laid out for the pane's width, and a pending -Confirm leaves the table and
// the forms usable.

import { AppPage } from '../support/app-page';
import { expect, test } from './fixtures';

const POOL = 'service:PersistentChatServer:pchat-frontend-cluster-primary.contoso.com';

test('output streams while a long pipeline runs, and Stop still ends it', async ({ app }) => {
  const ui = new AppPage(app);
  await ui.submitCmdlet('$n = 0; ,0*200000 | ForEach-Object { $n++; "line $n" }');
  const stop = app.getByRole('button', { name: 'Stop' });
  // Lines are on screen while the pipeline is still running.
  await expect(ui.consoleOutput.getByText(/^line \d+$/).first()).toBeVisible();
  await expect(stop).toBeVisible();
  await stop.click();
  await expect(ui.consoleOutput).toContainText('^C — stopped; the statement that was running changed nothing.');
  await expect(stop).toBeHidden();
  // It was cut off part way: the last line shown is not the 200,000th.
  await ui.runCmdlet('$n -lt 200000');
  await expect(ui.consoleOutput.getByText('True', { exact: true })).toBeVisible();
});

test('the scrollback keeps the last 100,000 lines and says how many it dropped', async ({ app }) => {
  test.setTimeout(120_000);
  const ui = new AppPage(app);
  // The echo is the first line dropped, so only the end of the run is waited for.
  await ui.submitCmdlet('$n = 0; ,0*100010 | ForEach-Object { $n++; "row $n" }');
  await expect(ui.consoleOutput.getByText('row 100010', { exact: true })).toBeVisible({ timeout: 90_000 });
  await expect(app.getByRole('button', { name: 'Stop' })).toBeHidden();
  // 100,010 rows and the echoed line: the 11 oldest (the echo and rows 1 to 10) are gone, and the console says so.
  await expect(ui.consoleOutput.getByText('… 11 earlier lines dropped (the console keeps the last 100,000)')).toBeVisible();
  await expect(ui.consoleOutput.getByText('row 100010', { exact: true })).toBeVisible();
  // Only what is in view is in the page.
  expect(await ui.consoleOutput.locator('[data-index]').count()).toBeLessThan(300);
  // Scrolled to the top: the oldest kept line is row 11.
  await ui.consoleOutput.evaluate((log) => (log.scrollTop = 0));
  await expect(ui.consoleOutput.getByText('row 11', { exact: true })).toBeVisible();
  await expect(ui.consoleOutput.getByText('row 10', { exact: true })).toHaveCount(0);
});

test('Format-Table fits a narrow pane and uses a wide one', async ({ app, preview }) => {
  preview.shell(`New-CsPersistentChatConfiguration -Identity ${POOL} -FileServiceUrl https://files.contoso.com/pchat/file-service | Out-Null`);
  const ui = new AppPage(app);
  const widthInChars = () =>
    ui.consoleOutput.evaluate((log) => {
      const probe = log.querySelector('.probe')!;
      const style = getComputedStyle(log);
      const inner = log.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      return Math.floor(inner / (probe.getBoundingClientRect().width / probe.textContent!.length));
    });
  const tableLines = async () => (await ui.consoleOutput.locator('[data-index]').allTextContents()).filter((l) => !l.startsWith('PS>'));

  await app.setViewportSize({ width: 800, height: 700 });
  const narrow = await widthInChars();
  expect(narrow).toBeLessThan(120);
  await ui.runCmdlet('Get-CsPersistentChatConfiguration | Format-Table');
  await expect(ui.consoleOutput.getByText(/DefaultChatHistory/)).toBeVisible();
  const narrowLines = await tableLines();
  expect(Math.max(...narrowLines.map((l) => l.length))).toBeLessThanOrEqual(narrow);
  expect(narrowLines.join('\n')).not.toContain(POOL);

  await ui.page.getByRole('button', { name: 'Clear' }).click();
  await app.setViewportSize({ width: 1900, height: 700 });
  await expect.poll(widthInChars).toBeGreaterThan(POOL.length + 100);
  await ui.runCmdlet('Get-CsPersistentChatConfiguration | Format-Table');
  await expect(ui.consoleOutput.getByText(POOL)).toBeVisible();
  await expect(ui.consoleOutput.getByText(/https:\/\/files\.contoso\.com\/pchat\/file-service/)).toBeVisible();
});

test('a pending console -Confirm leaves the table filter and the forms working', async ({ app, preview }) => {
  preview.shell('New-CsPersistentChatConfiguration site:Redmond | Out-Null; New-CsPersistentChatConfiguration site:Dublin | Out-Null');
  const ui = new AppPage(app);
  await expect(ui.row('site:Dublin')).toBeVisible();
  await ui.runCmdlet('Set-CsPersistentChatConfiguration -Identity Global -DefaultChatHistory 41 -Confirm');
  await expect(ui.consoleOutput).toContainText('[Y] Yes  [A] Yes to All');

  // A filter typed meanwhile applies.
  const filter = app.getByLabel('-Filter', { exact: true });
  await filter.fill('site:*');
  await expect(ui.row('Global')).toHaveCount(0);
  await expect(ui.row('site:Redmond')).toBeVisible();
  await filter.fill('');

  // New, Edit and Remove are available, and a commit is written at once.
  await expect(app.getByRole('button', { name: 'New', exact: true })).toBeEnabled();
  await ui.commit(await ui.openEdit('site:Redmond'), { DefaultChatHistory: '77' });
  expect(preview.stored()['site:Redmond']).toMatchObject({ DefaultChatHistory: 77 });
  expect(preview.stored()['Global']).toMatchObject({ DefaultChatHistory: 30 });

  // The console's statement is still waiting; answered, it adds its own change.
  await ui.consoleInput.fill('y');
  await ui.consoleInput.press('Enter');
  await expect.poll(() => preview.stored()['Global']?.['DefaultChatHistory']).toBe(41);
  expect(preview.stored()['site:Redmond']).toMatchObject({ DefaultChatHistory: 77 });
});

test('a selection survives scrolling, and Copy gives every line it spans, even those not in the page', async ({ app }) => {
  const ui = new AppPage(app);
  await ui.runCmdlet('$n = 0; ,0*600 | ForEach-Object { $n++; "item $n" }');
  await expect(ui.consoleOutput.getByText('item 600', { exact: true })).toBeVisible();
  await app.getByRole('button', { name: 'Stop' }).waitFor({ state: 'hidden' });
  const copied = await ui.consoleOutput.evaluate(async (log) => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    log.scrollTop = 0;
    await frame();
    const first = Array.from(log.querySelectorAll('[data-index]')).find((row) => row.textContent === 'item 1')!;
    const selection = document.getSelection()!;
    selection.setBaseAndExtent(first.firstChild!, 0, first.firstChild!, 4);
    await frame();
    log.scrollTop = log.scrollHeight;
    await frame();
    // The first line stays in the page while the selection is extended to the end.
    const last = Array.from(log.querySelectorAll('[data-index]')).find((row) => row.textContent === 'item 600')!;
    if (!first.isConnected) return 'anchor row left the page';
    selection.extend(last.firstChild!, 8);
    const data = new DataTransfer();
    log.dispatchEvent(new ClipboardEvent('copy', { clipboardData: data, bubbles: true, cancelable: true }));
    return data.getData('text/plain');
  });
  expect(copied.split('\n')).toEqual(Array.from({ length: 600 }, (_, i) => `item ${i + 1}`));
});
