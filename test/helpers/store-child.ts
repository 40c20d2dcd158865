// Entry point of the child processes used by the store's crash and
// concurrency tests. Bundled by child-bundle.ts with esbuild into a temp .mjs
// (tsx is not installed) and run with plain `node <bundle> <mode> <json args>`.
// Each mode talks to the store only through openConf + ConfRepository, exactly
// as the CLI does.

import { openConf } from '../../src-main/engine/store/open-store';
import { ConfRepository } from '../../src-main/engine/store/repository';
import { acquireLock, sleepSync } from '../../src-main/engine/store/lock';
import { storeFilePath } from '../../src-main/engine/store/open-store';
import { openRepository } from '../../src-main/engine/store/index';

interface Args {
  dir: string;
  /** Epoch ms to start at, so two children overlap instead of running one after the other. */
  startAt?: number;
  prefix?: string;
  count?: number;
  identity?: string;
  property?: 'DefaultChatHistory' | 'MaxFileSizeKB';
  value?: number;
}

const [mode, json] = process.argv.slice(2);
const args = JSON.parse(json ?? '{}') as Args;

function waitForStart(): void {
  if (args.startAt !== undefined) sleepSync(args.startAt - Date.now());
}

function open(): ConfRepository {
  return new ConfRepository(openConf(args.dir).conf);
}

/** Global's DefaultChatHistory after the commit that added site:S<k> (crash.test.ts checks the same formula). */
function growValue(k: number): number {
  return (k % 500) + 1;
}

/** Endless commits until killed: each adds site:S<k> and sets Global to growValue(k); prints k once committed. */
function grow(): never {
  const repo = open();
  for (;;) {
    repo.refresh();
    const k = repo.list().filter((r) => r.Identity.startsWith('site:S')).length + 1;
    repo.create({ ...repo.get('Global')!, Identity: `site:S${k}` });
    repo.update('Global', { DefaultChatHistory: growValue(k) });
    repo.commit();
    process.stdout.write(`${k}\n`);
  }
}

switch (mode) {
  case 'grow':
    grow();
    break;
  case 'grow-on-signal':
    // Started ahead of time (modules loaded), it waits for SIGUSR2 so a crash test's rounds do not pay for start-up.
    process.on('SIGUSR2', grow);
    setInterval(() => {}, 1000);
    process.stdout.write('ready\n');
    break;
  case 'create': {
    const repo = open();
    waitForStart();
    for (let i = 1; i <= (args.count ?? 0); i++) {
      repo.refresh();
      repo.create({ ...repo.get('Global')!, Identity: `site:${args.prefix}${i}` });
      const result = repo.commit();
      if (!result.written || result.conflicts.length > 0) throw new Error(`commit ${i} failed: ${JSON.stringify(result)}`);
    }
    break;
  }
  case 'edit': {
    const repo = open();
    waitForStart();
    for (let i = 1; i <= (args.count ?? 0); i++) {
      repo.refresh();
      repo.update(args.identity!, { [args.property!]: i });
      repo.commit();
    }
    break;
  }
  case 'get': {
    // What a read-only `Get` sees: identities and warnings as JSON on stdout; exit 1 with the error when it cannot open.
    try {
      const { repository, warnings } = openRepository(args.dir);
      const identities = repository.list().map((r) => r.Identity);
      process.stdout.write(`${JSON.stringify({ identities, warnings: warnings.map((w) => w.message) })}\n`);
    } catch (err) {
      process.stdout.write(`${JSON.stringify({ error: (err as Error).message })}\n`);
      process.exitCode = 1;
    }
    break;
  }
  case 'set': {
    // One `Set`: Global's DefaultChatHistory to args.value, committed; the error as JSON when it fails.
    try {
      const { repository } = openRepository(args.dir);
      repository.update('Global', { DefaultChatHistory: args.value ?? 1 });
      const result = repository.commit();
      process.stdout.write(`${JSON.stringify({ written: result.written })}\n`);
    } catch (err) {
      process.stdout.write(`${JSON.stringify({ error: (err as Error).message })}\n`);
      process.exitCode = 1;
    }
    break;
  }
  case 'set-expected': {
    // Reads Global's DefaultChatHistory, journals a Set to args.value expecting what it read, prints
    // `journalled`, and commits on SIGUSR2 (so a test can line two of these up); prints the result as JSON.
    const { repository } = openRepository(args.dir);
    const read = repository.get('Global')!.DefaultChatHistory;
    repository.update('Global', { DefaultChatHistory: args.value ?? 1 }, { DefaultChatHistory: read });
    process.stdout.write('journalled\n');
    const keepAlive = setInterval(() => {}, 1000);
    process.on('SIGUSR2', () => {
      const result = repository.commit({ source: 'test child', commandLine: `set ${args.value}` });
      process.stdout.write(`${JSON.stringify({ written: result.written, conflicts: result.conflicts.map((c) => c.message) })}\n`);
      clearInterval(keepAlive);
    });
    break;
  }
  case 'hold-lock': {
    acquireLock(storeFilePath(args.dir));
    process.stdout.write('locked\n');
    setInterval(() => {}, 1000);
    break;
  }
  default:
    throw new Error(`unknown mode ${mode}`);
}
