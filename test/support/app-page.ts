// A page object for the pchat-admin window, shared by the browser suite (web
// preview) and the Electron suite. Everything is found by role and
// accessible name, as a screen-reader user would find it.

import { expect, type Locator, type Page } from '@playwright/test';

export class AppPage {
  constructor(readonly page: Page) {}

  get table(): Locator {
    return this.page.getByRole('grid', { name: 'Persistent Chat configurations' });
  }

  get consoleInput(): Locator {
    return this.page.getByRole('textbox', { name: 'Cmdlet console input' });
  }

  get consoleOutput(): Locator {
    return this.page.getByRole('log', { name: 'Console output' });
  }

  /** The data row whose first cell is exactly `identity`. */
  row(identity: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('gridcell', { name: identity, exact: true }) });
  }

  /** The text of one cell: the row of `identity`, the column headed `property`. */
  async cell(identity: string, property: string): Promise<string> {
    const headers = await this.table.getByRole('columnheader').allInnerTexts();
    const index = headers.findIndex((h) => h.replace(/\s+/g, '') === property);
    expect(index, `column ${property}`).toBeGreaterThanOrEqual(0);
    return (await this.row(identity).getByRole('gridcell').nth(index).innerText()).trim();
  }

  async identities(): Promise<string[]> {
    const rows = this.table.getByRole('row');
    const out: string[] = [];
    for (let i = 0; i < (await rows.count()); i++) {
      const first = rows.nth(i).getByRole('gridcell').first();
      // textContent: the rendered text of a long identity may be laid out in pieces (cut in the middle).
      if ((await first.count()) > 0) out.push((await first.textContent())!.trim());
    }
    return out;
  }

  /** Types a line and presses Enter, without waiting for its echo (a long output scrolls the echo out of the page). */
  async submitCmdlet(line: string): Promise<void> {
    await this.consoleInput.fill(line);
    await this.consoleInput.press('Enter');
  }

  async runCmdlet(line: string): Promise<void> {
    await this.submitCmdlet(line);
    await expect(this.consoleOutput).toContainText(`PS> ${line.split('\n')[0]}`);
  }

  dialog(name: string | RegExp): Locator {
    return this.page.getByRole('dialog', { name });
  }

  /** New → Site/Pool configuration → pick or type a name → Next. Returns the settings dialog. */
  async startNew(kind: 'site' | 'pool', name: string): Promise<Locator> {
    await this.page.getByRole('button', { name: 'New', exact: true }).click();
    await this.page.getByRole('menuitem', { name: kind === 'site' ? 'Site configuration' : 'Pool configuration' }).click();
    const picker = this.dialog(kind === 'site' ? 'New site configuration' : 'New pool configuration');
    await picker.getByLabel(kind === 'site' ? 'Site name' : 'Pool FQDN').fill(name);
    await picker.getByRole('button', { name: 'Next' }).click();
    const settings = this.dialog(kind === 'site' ? 'New site configuration' : 'New pool configuration');
    await expect(settings.getByLabel('DefaultChatHistory')).toBeVisible();
    return settings;
  }

  async openEdit(identity: string): Promise<Locator> {
    await this.row(identity).click();
    await this.page.getByRole('button', { name: 'Edit', exact: true }).click();
    const dialog = this.dialog('Edit configuration');
    await expect(dialog).toBeVisible();
    return dialog;
  }

  /** Fills fields by property name and commits; waits for the dialog to close. */
  async commit(dialog: Locator, values: Record<string, string> = {}): Promise<void> {
    for (const [name, value] of Object.entries(values)) await dialog.getByLabel(name, { exact: true }).fill(value);
    const commit = dialog.getByRole('button', { name: 'Commit' });
    await expect(commit).toBeEnabled();
    await commit.click();
    await expect(dialog).toBeHidden();
  }
}
