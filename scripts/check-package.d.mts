// Types for check-package.mjs, which the packaging tests import.
export interface PackagedApp {
  readonly name: string;
  readonly platform: 'linux' | 'win' | 'mac';
  /** The path @electron/fuses reads: the executable, or the .app on macOS. */
  readonly executable: string;
  readonly asar: string;
  readonly infoPlist?: string;
}
export interface FuseResult {
  readonly fuse: string;
  readonly expected: boolean;
  readonly actual: boolean | string;
  readonly ok: boolean;
}
/** The part of electron-builder's configuration these checks read. */
export interface BuilderConfig {
  readonly appId?: string;
  readonly productName?: string;
  readonly files?: unknown;
  readonly electronFuses?: Record<string, boolean | undefined>;
  readonly linux?: { readonly icon?: string; readonly executableName?: string; readonly target?: unknown };
  readonly win?: { readonly icon?: string; readonly target?: unknown };
  readonly mac?: { readonly icon?: string; readonly target?: unknown };
  readonly nsis?: Record<string, unknown>;
  readonly [key: string]: unknown;
}
export const SHIPPED_OUT_DIRS: readonly string[];
export function loadBuilderConfig(root?: string): Promise<BuilderConfig>;
export function findPackagedApps(outputDir: string, config: BuilderConfig, pkg: { name: string; productName?: string }): PackagedApp[];
export function checkFuses(app: PackagedApp, electronFuses: BuilderConfig['electronFuses']): Promise<FuseResult[]>;
export function expectedAsarFiles(root?: string): string[];
export function listAsarFiles(archive: string): string[];
export function checkAsarContents(app: PackagedApp, root?: string): { files: string[]; missing: string[]; extra: string[] };
export function asarHeaderHash(archive: string): string;
export function checkIntegrity(app: PackagedApp): { applicable: boolean; ok: boolean; detail: string };
export function checkPackage(outputDir: string, root?: string): Promise<{ ok: boolean; lines: string[]; apps: PackagedApp[] }>;
