// The engine's public surface for the app, the IPC layer, the CLI and tools.

export { Session, NON_INTERACTIVE, type ExecuteOptions, type ExecuteResult, type SessionOptions } from './session';
export { openRepository, ConfRepository } from './store';
export type { ConfigRepository, StoreWarning } from './store/types';
export type { Host, OutputLine } from './shell/commands';
export { PROPERTIES, defaultValues, type ConfigRecord, type PropertyMeta } from './domain/properties';
export { PARAMETERS, CONFIG_CMDLETS, type ConfigCmdletName, type ParameterMeta } from './domain/parameters';
