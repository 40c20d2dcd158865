// Reads and judges the store file the way every decision about it must be
// made: never through a symbolic link (a link is refused, not followed: it
// would let writes and chmods land outside the store folder), never blocking
// on a FIFO, and with the fingerprint of exactly the bytes judged, so a caller
// holding the lock can tell whether the file it decided about is still there.

import fs from 'node:fs';
import { decodeStore, type Decoded } from './decode';
import {
  NO_FOLLOW_READ,
  describeError,
  errorCode,
  fingerprintOf,
  fingerprintOfStats,
  type Fingerprint,
} from './files';

export type Verdict = Decoded | { kind: 'missing' };

export interface Judged {
  /** Fingerprint of what was judged (null: missing). */
  readonly fp: Fingerprint;
  /** The bytes judged, when the file could be read. */
  readonly bytes?: Buffer;
  readonly verdict: Verdict;
}

/** Thrown when opening a store whose file is not recognisably ours (or is a link): it is never touched. */
export class StoreRefusedError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(
      `Refusing to use ${file} as the configuration store: ${reason}. It was left untouched. ` +
        'Use another store folder, or move the file away.',
    );
    this.name = 'StoreRefusedError';
  }
}

/** The warning when such a file replaces the store while it is open. */
export function refusedWarning(file: string, reason: string): string {
  return (
    `Refusing to use ${file} as the configuration store: ${reason}. It was left untouched; ` +
    'defaults are shown, and no change can be saved until the file is moved away.'
  );
}

/** The commit error while such a file is in place. */
export function refusedCommitMessage(file: string, reason: string): string {
  return `Cannot save to ${file}: ${reason}. It was left untouched. Nothing was changed.`;
}

function linkReason(file: string): string {
  let target = '';
  try {
    target = ` (to ${fs.readlinkSync(file)})`;
  } catch {
    // The link vanished meanwhile; the reason stands.
  }
  return `it is a symbolic link${target}, and the store is never read or written through a link`;
}

function isLink(file: string): boolean {
  try {
    return fs.lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

function describeKind(st: fs.BigIntStats): string {
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a named pipe';
  if (st.isSocket()) return 'a socket';
  return 'a device';
}

/** Reads and classifies the store file. Never throws for what it finds; only for the unexpected. */
export function judgeStoreFile(file: string): Judged {
  // lstat first for platforms without O_NOFOLLOW (Windows); O_NOFOLLOW below closes the race elsewhere.
  if (isLink(file)) return { fp: fingerprintOf(file), verdict: { kind: 'foreign', reason: linkReason(file) } };
  let fd: number;
  try {
    fd = fs.openSync(file, NO_FOLLOW_READ);
  } catch (err) {
    const code = errorCode(err);
    if (code === 'ENOENT') return { fp: null, verdict: { kind: 'missing' } };
    if (code === 'ELOOP') return { fp: fingerprintOf(file), verdict: { kind: 'foreign', reason: linkReason(file) } };
    return { fp: fingerprintOf(file), verdict: { kind: 'invalid', reason: describeError(err) } };
  }
  try {
    const st = fs.fstatSync(fd, { bigint: true });
    const fp = fingerprintOfStats(st);
    if (!st.isFile()) return { fp, verdict: { kind: 'invalid', reason: `it is ${describeKind(st)}, not a file` } };
    const bytes = fs.readFileSync(fd);
    let raw: unknown;
    try {
      raw = JSON.parse(bytes.toString('utf8'));
    } catch (err) {
      return { fp, bytes, verdict: { kind: 'invalid', reason: describeError(err) } };
    }
    return { fp, bytes, verdict: decodeStore(raw) };
  } finally {
    fs.closeSync(fd);
  }
}

/** True when `verdict` is an older file that must be upgraded (with a copy kept) before anything overwrites it. */
export function isLegacy(verdict: Verdict): verdict is Extract<Decoded, { kind: 'current' }> & { migratedFrom: number } {
  return verdict.kind === 'current' && verdict.migratedFrom !== undefined;
}
