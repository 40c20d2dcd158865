// The repository's file I/O: reading the store through conf (with our own
// judgement of anything conf cannot vouch for), the one atomic write per
// commit, and the errors a commit fails with.
//
// The repository writes the file itself (files.ts writeFileAtomicSync), never
// through `conf.store = …`: conf's write falls back to a plain, non-atomic
// writeFileSync when SNAP is set in the environment or the rename fails with
// EXDEV, and a crash in that window leaves an empty store. Reads still go
// through conf, which parses and checks the file against its own schema.

import fs from 'node:fs';
import path from 'node:path';
import type Conf from 'conf';
import type { StoreFile } from './types';
import { CURRENT_SCHEMA_VERSION } from './schema';
import { decodeStore } from './decode';
import { judgeStoreFile, type Verdict } from './inspect';
import { describeError, errorCode, serializeStore, writeFileAtomicSync } from './files';
import { StoreLockError, isReadOnlyLockError, readOnlyFolderMessage } from './lock';
import { toStoredCollections, type Collections } from './journal';

/** A commit that failed; the in-memory copy has been rolled back to the file's state. */
export class StoreCommitError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'StoreCommitError';
  }
}

function isRegularFile(file: string): boolean {
  try {
    return fs.lstatSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * Reads the store. The common case, a current file, is read through conf;
 * anything else is judged from the raw bytes (conf's view of other files is
 * unreliable: without a schema it turns a legacy list into an object), and a
 * link is never read through (inspect.ts).
 */
export function readStore(conf: Conf<StoreFile>, file: string): Verdict {
  let confError: unknown;
  if (isRegularFile(file)) {
    try {
      const decoded = decodeStore(conf.store); // conf reads, parses and validates against its schema
      if (decoded.kind === 'current' && decoded.migratedFrom === undefined) return decoded;
    } catch (err) {
      confError = err;
    }
  }
  const { verdict } = judgeStoreFile(file);
  // Our validator accepts what conf's schema rejected: trust neither, treat it as damaged.
  if (confError !== undefined && verdict.kind === 'current' && verdict.migratedFrom === undefined) {
    return { kind: 'invalid', reason: describeError(confError) };
  }
  return verdict;
}

/** Writes the whole store in one atomic write. Throws StoreCommitError saying why it could not. */
export function writeStore(file: string, extra: Record<string, unknown>, entries: Collections): void {
  // No whole-file validation here (conf's setter ran its schema over every write): `base` came
  // from a validated file and every journalled op was checked when it was made (repository.ts),
  // and validating 10,000 records again would cost a pipeline's commit about a fifth of its time.
  const data = { ...extra, schemaVersion: CURRENT_SCHEMA_VERSION, collections: toStoredCollections(entries) };
  try {
    writeFileAtomicSync(file, serializeStore(data));
  } catch (err) {
    const code = errorCode(err);
    const hint =
      code === 'ENOSPC' ? ' The disk is full.'
      : code === 'EACCES' || code === 'EPERM' ? ` Check that you may write to ${path.dirname(file)}.`
      : code === 'EROFS' ? ' The file system is read-only.'
      : '';
    throw new StoreCommitError(`Could not save the configuration store ${file}: ${describeError(err)}.${hint} Nothing was changed.`, code);
  }
}

/** The commit error for a lock that could not be taken. */
export function lockCommitError(file: string, err: StoreLockError): StoreCommitError {
  if (isReadOnlyLockError(err)) return new StoreCommitError(`${readOnlyFolderMessage(file, err)} Nothing was changed.`, err.code);
  return new StoreCommitError(`${err.message.replace(/\.?$/, '.')} Nothing was changed.`, err.code);
}

/** Why the store could not be locked, for warnings: the read-only wording when that is the cause. */
export function lockFailureText(file: string, err: unknown): string {
  if (isReadOnlyLockError(err)) return `the store folder ${path.dirname(file)} is read-only`;
  return describeError(err).replace(/\.$/, '');
}
