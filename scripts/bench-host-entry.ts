// What `npm run bench` loads to measure the session host: the host and the
// IPC registration, bundled together (see bench.mjs).

export { SessionHost } from '../src-main/host/session-host';
export { registerIpc } from '../src-main/ipc/register';
export { checkCmdlet } from '../src-main/engine/cmdlets/form-check';
