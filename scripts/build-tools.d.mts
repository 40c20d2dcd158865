// Types for build-tools.mjs, which TypeScript tests and setups import.
export const ROOT: string;
export function mtimeOf(file: string): number;
export function newestMtime(dir: string, accept?: (name: string) => boolean): number;
export function isStale(output: string, inputs: readonly string[]): boolean;
export function bundleForNode(options: {
  entry: string;
  outfile: string;
  external?: boolean;
  minify?: boolean;
  sourcemap?: boolean;
  logLevel?: 'silent' | 'warning' | 'error' | 'info';
}): Promise<void>;
export function appBuildIsStale(): boolean;
export function buildAppIfStale(note?: string): boolean;
