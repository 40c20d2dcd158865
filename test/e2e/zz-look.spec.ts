import path from 'node:path';
import { AppPage } from '../support/app-page';
import { expect, test } from './fixtures';
const OUT = '/tmp/wt-window-shots';
const SEED = [
  'New-CsPersistentChatConfiguration -Identity site:Redmond -DefaultChatHistory 50 -ParticipantUpdateLimit 100 | Out-Null',
  'New-CsPersistentChatConfiguration -Identity site:Paris -MaxFileSizeKB 40000 | Out-Null',
  'New-CsPersistentChatConfiguration -Identity site:Dublin -FileServiceUrl https://files.dublin.contoso.com/persistentchat/share | Out-Null',
  'New-CsPersistentChatConfiguration -Identity service:PersistentChatServer:pchat-frontend-cluster-primary-01.contoso.com -RoomManagementUrl https://chat.contoso.com/rooms -FileServiceUrl https://chat.contoso.com/files | Out-Null',
  'New-CsPersistentChatConfiguration -Identity service:PersistentChatServer:pchat-frontend-cluster-primary-02.contoso.com | Out-Null',
].join('; ');
for (const [w, h] of [[1280, 800], [1920, 1080], [800, 560]] as const) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`look ${w} ${scheme}`, async ({ browser, preview }) => {
      preview.shell(SEED);
      const page = await browser.newPage({ colorScheme: scheme, viewport: { width: w, height: h } });
      await page.goto(preview.url);
      const ui = new AppPage(page);
      await expect(ui.row('site:Redmond')).toBeVisible();
      await ui.row('site:Redmond').click();
      await ui.row('site:Dublin').click({ modifiers: ['Control'] });
      await page.getByRole('button', { name: 'Effective settings', exact: true }).click();
      await page.screenshot({ path: path.join(OUT, `main-${w}-${scheme}.png`) });
      await page.getByRole('button', { name: 'Effective settings', exact: true }).click();
      await page.getByRole('button', { name: 'Edit', exact: true }).click();
      const d = ui.dialog('Edit 2 configurations');
      await d.getByLabel('DefaultChatHistory', { exact: true }).fill('12.5');
      await d.getByLabel('MaxFileSizeKB', { exact: true }).fill('abc');
      await page.waitForTimeout(400);
      await page.screenshot({ path: path.join(OUT, `bulk-${w}-${scheme}.png`) });
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Help', exact: true }).click();
      await ui.dialog(/^Help/).getByRole('button', { name: 'Set-CsPersistentChatConfiguration' }).click();
      await page.waitForTimeout(300);
      await page.screenshot({ path: path.join(OUT, `help-${w}-${scheme}.png`) });
      await page.keyboard.press('Escape');
      await ui.row('site:Paris').click({ button: 'right' });
      await page.screenshot({ path: path.join(OUT, `menu-${w}-${scheme}.png`) });
      await page.close();
    });
  }
}
