// The renderer's start-up JavaScript stays within its budget: the entry
// chunk index.html loads is at most 120 kB minified (the panes and dialogs
// opened now and then are chunks of their own, loaded on first use). Runs on
// the build the suite's global setup made.

import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../support/build-app';

const OUT = path.join(ROOT, 'out', 'renderer');
const BUDGET = 120_000;

test('the renderer entry chunk is at most 120 kB minified, and nothing else loads at start', () => {
  const html = fs.readFileSync(path.join(OUT, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<script[^>]*src="\.?\/?([^"]+\.js)"/g)].map((m) => m[1]!);
  expect(scripts).toHaveLength(1);
  expect(html).not.toContain('modulepreload');
  const entry = fs.statSync(path.join(OUT, scripts[0]!)).size;
  expect(entry, `${scripts[0]} is ${entry} bytes`).toBeLessThanOrEqual(BUDGET);
  const code = fs.readFileSync(path.join(OUT, scripts[0]!), 'utf8');
  expect(code.split('\n').length, 'minified').toBeLessThan(50);
});
