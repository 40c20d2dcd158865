// The shape of `window.pchat`, the only thing the preload exposes.
//
// Type-only: the renderer imports it with `import type`, so no main-process
// code reaches the renderer bundle. Later steps add the IPC-backed members.

export interface PchatApi {
  /** The application version (package.json "version"). */
  readonly version: string;
}
