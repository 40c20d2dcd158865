// The baseline: the deployment's configuration as last imported from the
// server, with where it came from (file name, SHA-256, format, encoding,
// time). Kept in baseline.json beside the store (see side-files.ts).

import { PROPERTIES, type ConfigRecord } from '../domain/properties';
import type { ConfigRepository } from '../store/types';
import { BASELINE_FILE_NAME, readSideFile, sideFilePath, writeSideFile, type SideRead } from './side-files';

export const BASELINE_FORMAT = 'pchat-admin-baseline';
export const BASELINE_VERSION = 1;

export interface BaselineSource {
  /** The imported file's name (no folder: the folder says nothing about the server). */
  readonly file: string;
  readonly sha256: string;
  readonly format: string;
  readonly encoding: string;
  /** ISO 8601, UTC. */
  readonly importedAt: string;
}

export interface BaselineFile {
  readonly format: typeof BASELINE_FORMAT;
  readonly version: number;
  readonly source: BaselineSource;
  readonly collections: ConfigRecord[];
}

export function baselinePath(repo: Pick<ConfigRepository, 'path'>): string {
  return sideFilePath(repo.path, BASELINE_FILE_NAME);
}

function wellFormed(data: BaselineFile): boolean {
  return (
    !!data.source &&
    typeof data.source.file === 'string' &&
    Array.isArray(data.collections) &&
    data.collections.every((c) => c && typeof c.Identity === 'string' && PROPERTIES.every((p) => p.name in c))
  );
}

export function readBaseline(repo: Pick<ConfigRepository, 'path'>): SideRead<BaselineFile> {
  const read = readSideFile<BaselineFile>(baselinePath(repo), BASELINE_FORMAT, BASELINE_VERSION);
  if (read.kind === 'ok' && !wellFormed(read.data)) return { kind: 'damaged', reason: `${baselinePath(repo)} is incomplete` };
  return read;
}

export function writeBaseline(repo: Pick<ConfigRepository, 'path'>, source: BaselineSource, collections: readonly ConfigRecord[]): void {
  const data: BaselineFile = { format: BASELINE_FORMAT, version: BASELINE_VERSION, source, collections: [...collections] };
  writeSideFile(baselinePath(repo), BASELINE_FORMAT, BASELINE_VERSION, data);
}
