// Types for grammar-diff.mjs, which TypeScript tests import.
import type { CorpusItem } from './powershell-corpus.mjs';

export interface Disagreement extends CorpusItem {
  /** `only ours rejects · <construct>` or `only tree-sitter rejects · <construct>`. */
  readonly group: string;
  readonly wrong: 'ours' | 'tree-sitter';
}
export interface Comparison {
  readonly lines: number;
  readonly agreements: number;
  readonly disagreements: Disagreement[];
  readonly bothAgainstVerdict: CorpusItem[];
}
export type KeptList = Map<string, { why: string; sources: Set<string> }>;
export const KEPT_FILE: string;
export const KNOWN_TREE_SITTER_GAPS: ReadonlyArray<readonly [string, RegExp]>;
export const CORPUS_OPTIONS: { seed: number; count: number; brokenShare: number };
export function loadTreeSitter(): Promise<(source: string) => boolean>;
export function side(oursRejects: boolean): string;
export function compare(items: readonly CorpusItem[], oursRejects: (s: string) => boolean, theirsRejects: (s: string) => boolean): Comparison;
export function readKept(file?: string): KeptList;
export function formatKept(disagreements: readonly Disagreement[], previous?: KeptList): string;
export function checkKept(
  disagreements: readonly Disagreement[],
  kept: KeptList,
): { unexpected: Disagreement[]; stale: { group: string; source: string }[]; unjustified: string[] };
export function summarize(result: Comparison, kept?: KeptList): string;
