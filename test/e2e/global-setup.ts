// Builds the app (renderer included) and the headless shell bundle once.

import { buildAppIfStale, ROOT } from '../support/build-app';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export default async function globalSetup(): Promise<void> {
  buildAppIfStale();
  const { buildCli, cliBundleIsStale } = await import(pathToFileURL(path.join(ROOT, 'scripts', 'build-cli.mjs')).href);
  if (cliBundleIsStale()) await buildCli();
}
