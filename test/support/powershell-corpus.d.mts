// Types for powershell-corpus.mjs, which TypeScript tests import.
export interface CorpusItem {
  readonly source: string;
  /** The construct it exercises; broken variants are named `broken:<kind>`. */
  readonly construct: string;
  /** Windows PowerShell 5.1's parser reports a syntax error for it. */
  readonly broken: boolean;
}
export function prng(seed: number): { next(): number; int(n: number): number; pick<T>(list: readonly T[]): T; chance(p: number): boolean };
export function generateCorpus(options?: { seed?: number; count?: number; brokenShare?: number }): CorpusItem[];
export function createGenerator(seed: number): { next(brokenShare?: number): CorpusItem };
