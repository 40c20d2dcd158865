// Which Chromium the browser suite drives: Playwright's own when it is
// installed (a developer's machine after `npx playwright install chromium`),
// otherwise the system's (Debian's /usr/bin/chromium, as in CI here).

import { chromium } from '@playwright/test';
import fs from 'node:fs';

const SYSTEM_CHROMIUMS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function chromiumExecutable(): string | undefined {
  if (process.env['PCHAT_CHROMIUM']) return process.env['PCHAT_CHROMIUM'];
  try {
    const own = chromium.executablePath();
    if (own && fs.existsSync(own)) return undefined; // let Playwright use its own
  } catch {
    // not installed: fall through
  }
  return SYSTEM_CHROMIUMS.find((p) => fs.existsSync(p));
}

/** Flags for a quiet, sandbox-less headless run on a machine with no network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
