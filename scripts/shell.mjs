// `npm run shell -- …`: (re)builds the headless shell bundle when the sources
// changed, then runs it in this same process.

import { pathToFileURL } from 'node:url';
import { buildCli, cliBundleIsStale, CLI_BUNDLE } from './build-cli.mjs';

if (cliBundleIsStale()) await buildCli();
await import(pathToFileURL(CLI_BUNDLE).href);
