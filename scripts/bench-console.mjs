// The console's figures for `npm run bench`, measured in the web preview with
// Chromium (PerformanceObserver long tasks and requestAnimationFrame deltas):
//   console-first-line      Enter → the first output line painted, for a
//                           pipeline printing 100,000 lines (target ≤ 100 ms)
//   console-print-100k      longest task and longest frame while those
//                           100,000 lines print (targets ≤ 50 ms)
//   console-scroll          longest task and frame while jump-scrolling and
//                           wheel-scrolling the 100,000-line transcript (≤ 50 ms)
//   renderer-js             the minified renderer bundle (limit 120 kB)
//   commit-to-table-300     an Edit dialog's Commit → the new value shown in
//                           the table, with 300 collections in the store
// Software rendering on a shared machine: read them as upper bounds.

import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildAppIfStale } from './build-tools.mjs';

const root = new URL('..', import.meta.url).pathname;
const LINES = 100_000;

function chromiumPath() {
  if (process.env.PCHAT_CHROMIUM) return process.env.PCHAT_CHROMIUM;
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => fs.existsSync(p));
}

/** Fills the store with `count` site collections through the headless shell (the engine's own rules). */
function seedStore(storeDir, count) {
  const shell = path.join(root, 'out', 'cli', 'pchat-shell.mjs');
  const line = `1..${count} | ForEach-Object { New-CsPersistentChatConfiguration -Identity "site:S$_" } | Out-Null`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [shell, '--store', storeDir, '-Command', line], { cwd: root, stdio: 'ignore' });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`seeding the store failed (${code})`))));
  });
}

/** Commit → table: edit one of 300 collections in the window and time until the table shows the value. */
async function commitToTable(browser, url) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  try {
    await page.goto(url);
    const cell = page.getByRole('gridcell', { name: 'site:S150', exact: true });
    await cell.click();
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('DefaultChatHistory', { exact: true }).fill('77');
    const row = page.getByRole('row').filter({ has: cell });
    const started = Date.now();
    await dialog.getByRole('button', { name: 'Commit' }).click();
    await row.getByRole('gridcell', { name: '77', exact: true }).waitFor();
    return Date.now() - started;
  } finally {
    await page.close();
  }
}

async function startPreview(storeDir) {
  const child = spawn(process.execPath, [path.join(root, 'scripts', 'preview-web.mjs'), '--port', '0', '--store', storeDir], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      if (out.includes('\n')) resolve(out.slice(0, out.indexOf('\n')).trim());
    });
    child.on('exit', (code) => reject(new Error(`web preview exited with ${code}`)));
  });
  return { child, url };
}

/** In the page: long tasks and frame gaps since the last reset. */
function installProbes() {
  const w = window;
  w.__probe = { task: 0, frame: 0, last: performance.now(), tasks: [], frames: [] };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      w.__probe.task = Math.max(w.__probe.task, e.duration);
      w.__probe.tasks.push(`${Math.round(e.startTime)}+${Math.round(e.duration)}`);
    }
  }).observe({ type: 'longtask', buffered: false });
  const tick = (now) => {
    if (now - w.__probe.last > 34) w.__probe.frames.push(`${Math.round(w.__probe.last)}+${Math.round(now - w.__probe.last)}`);
    w.__probe.frame = Math.max(w.__probe.frame, now - w.__probe.last);
    w.__probe.last = now;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  w.__resetProbe = () => Object.assign(w.__probe, { task: 0, frame: 0, last: performance.now(), tasks: [], frames: [], at: performance.now() });
}

/** The start-up chunk index.html loads (the budget) and all chunks together (dialogs and panes load on first use). */
function rendererKb() {
  const dir = path.join(root, 'out', 'renderer', 'assets');
  const js = fs.readdirSync(dir).filter((f) => f.endsWith('.js'));
  const html = fs.readFileSync(path.join(root, 'out', 'renderer', 'index.html'), 'utf8');
  const entry = js.find((f) => html.includes(f));
  const size = (f) => fs.statSync(path.join(dir, f)).size;
  return { entry: entry ? size(entry) / 1000 : NaN, total: js.reduce((n, f) => n + size(f), 0) / 1000 };
}

export async function benchConsole() {
  buildAppIfStale();
  const kb = rendererKb();
  console.log(`renderer-js: start-up chunk ${kb.entry.toFixed(1)} kB (limit 120); all chunks ${kb.total.toFixed(1)} kB`);
  const executablePath = chromiumPath();
  const storeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pchat-bench-console-'));
  const { buildCli, cliBundleIsStale } = await import('./build-cli.mjs');
  if (cliBundleIsStale()) await buildCli();
  await seedStore(storeDir, 300);
  const { child, url } = await startPreview(storeDir);
  const browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(url);
    const input = page.getByRole('textbox', { name: 'Cmdlet console input' });
    await input.waitFor();
    await page.evaluate(installProbes);

    // First line: from the Enter keydown to the frame that shows a line of output.
    await page.evaluate(() => {
      const log = document.querySelector('[role="log"]');
      window.__firstLine = new Promise((resolve) => {
        let entered = 0;
        document.addEventListener('keydown', (e) => {
          if (e.key === 'Enter') entered = performance.now();
        }, { capture: true, once: true });
        const seen = new MutationObserver(() => {
          if ([...log.querySelectorAll('[data-index]')].some((row) => row.textContent.startsWith('line '))) {
            seen.disconnect();
            requestAnimationFrame(() => resolve(performance.now() - entered));
          }
        });
        seen.observe(log, { childList: true, subtree: true, characterData: true });
      });
    });
    await input.fill(`$n = 0; ,0*${LINES} | ForEach-Object { $n++; "line $n" }`);
    await page.evaluate(() => window.__resetProbe());
    const t0 = Date.now();
    if (process.env.BENCH_DEBUG) {
      page.on('request', (r) => r.url().includes('/ipc/') && console.log('req', Date.now() - t0, r.url().split('/').pop()));
      page.on('response', async (r) => r.url().includes('/ipc/') && console.log('res', Date.now() - t0, r.url().split('/').pop(), (await r.body().catch(() => '')).length));
    }
    await input.press('Enter');
    const firstLine = await page.evaluate(() => window.__firstLine);
    const started = Date.now();
    await page.getByRole('button', { name: 'Stop' }).waitFor({ state: 'hidden', timeout: 300_000 });
    const printed = await page.evaluate(() => ({ ...window.__probe }));
    if (process.env.BENCH_DEBUG) console.log('long tasks', printed.at, printed.tasks.join(' '), 'frames', printed.frames.join(' '));
    console.log(`console-first-line: ${firstLine.toFixed(1)} ms (target ≤ 100)`);
    console.log(`console-print-100k: longest task ${printed.task.toFixed(1)} ms, longest frame ${printed.frame.toFixed(1)} ms (targets ≤ 50; ${((Date.now() - started) / 1000).toFixed(1)} s to print)`);

    // Scrolling: jumps across the whole transcript, then wheel steps.
    await page.evaluate(() => window.__resetProbe());
    await page.evaluate(async () => {
      const log = document.querySelector('[role="log"]');
      const frame = () => new Promise((r) => requestAnimationFrame(r));
      for (let i = 0; i < 60; i++) {
        log.scrollTop = ((i * 7919) % 60) / 60 * log.scrollHeight;
        await frame();
      }
    });
    const log = page.getByRole('log', { name: 'Console output' });
    await log.hover();
    for (let i = 0; i < 60; i++) await page.mouse.wheel(0, i % 20 < 10 ? 400 : -400);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const scrolled = await page.evaluate(() => ({ ...window.__probe }));
    console.log(`console-scroll: longest task ${scrolled.task.toFixed(1)} ms, longest frame ${scrolled.frame.toFixed(1)} ms (targets ≤ 50)`);
    console.log(`commit-to-table-300: ${await commitToTable(browser, url)} ms (an Edit's Commit until the table shows the value, 300 collections)`);
  } finally {
    await browser.close();
    child.kill();
    fs.rmSync(storeDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchConsole();
