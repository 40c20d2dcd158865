// The session worker: the engine and the repository, off the caller's thread.
// It opens the store, serves the host's requests with one EngineService
// (console session, forms session, completion, history), streams lines for
// the headless shell, and reports store changes.
//
// Stopping: the host sets the shared stop flag, which the engine polls; a
// prompt waiting for an answer is failed by the `stop` message. A statement
// stuck in code that never polls (a catastrophic regular expression) is
// interrupted by the host; the `cut` message that follows lets this side
// roll the statement back and answer the request it left hanging.

import { parentPort, workerData } from 'node:worker_threads';
import { openRepository } from '../engine/store';
import { useDeploymentLink } from '../engine/changes/deployment-link';
import { PowerShellLink } from '../connection/powershell-link';
import { endRunningChildren, watchRunningChildren } from '../connection/powershell-child';
import { IpcRefusal } from '../ipc/errors';
import { EngineService } from '../ipc/engine-service';
import { toOutputLineDto } from '../ipc/dto';
import { LinePump } from './line-pump';
import { readStdinLine } from './stdin-lines';
import { setStandardInputReader } from '../engine/shell/standard-input';
import type { ConsoleResult } from '../ipc/contract';
import { Control, CUTTING } from './control';
import { CONSOLE_METHODS, type FromWorker, type Request, type ToWorker, type WireError, type WorkerStart } from './protocol';

const port = parentPort;
if (port === null) throw new Error('session-worker must run in a worker thread.');
const start = workerData as WorkerStart;
const control = new Control(start.control);
if (start.standardInput) setStandardInputReader(readStdinLine);

const post = (message: FromWorker): void => port.postMessage(message);

// Pull and push start the administrator's PowerShell from here, off the caller's thread like every statement.
useDeploymentLink(new PowerShellLink());
// A PowerShell started for a pull or push never outlives this worker: the host ends the ones still
// running if the worker is ended (a restart after a stuck statement, the app quitting, a crash).
watchRunningChildren((pids) => post({ type: 'children', pids }));

function toWire(error: unknown): WireError {
  if (error instanceof IpcRefusal) return { refusal: true, id: error.data.id, message: error.data.message, category: error.data.category };
  const message = error instanceof Error ? error.message : String(error);
  return { refusal: false, id: 'InternalError', message, category: 'NotSpecified' };
}

const pump = new LinePump((seq, lines) => post({ type: 'lines', seq, lines }));

let service: EngineService;
try {
  const opened = openRepository(start.storeDir, {
    fileName: start.fileName,
    ...(start.watchDebounceMs !== undefined ? { watchDebounceMs: start.watchDebounceMs } : {}),
  });
  service = new EngineService(opened.repository, {
    // A second view of the same file for forms while a console prompt waits (see engine-service.ts),
    // opened when first needed; what opening the file had to say was said by the first.
    openSideRepo: () => openRepository(start.storeDir, { fileName: start.fileName }).repository,
    console: {
      stop: control.signal(),
      guard: control.guard(),
      onStreamLine: (line) => pump.push(toOutputLineDto(line)),
      drain: () => pump.drain(),
      onWaiting: (waiting) => control.setWaiting(waiting),
    },
    streamConsole: true,
  });
  post({ type: 'ready', path: opened.repository.path, warnings: opened.warnings });
} catch (error) {
  post({ type: 'open-failed', message: (error as Error)?.message ?? String(error) });
  port.close();
  throw error;
}

/** The console request whose reply is still owed (a cut-off statement leaves it hanging). */
let consoleCall: number | undefined;
const answered = new Set<number>();

function reply(id: number, result: { ok: true; value: unknown } | { ok: false; error: WireError }): void {
  if (answered.has(id)) return;
  answered.add(id);
  const console = consoleCall === id;
  if (console) consoleCall = undefined;
  // The step's lines reach the host before its reply; the reply takes whatever the reader has not.
  if (console) pump.flush();
  post({ type: 'reply', id, ...result });
  if (console) pump.reset();
  // Ids only grow; forget old ones so the set stays small.
  if (answered.size > 1_000) answered.clear();
}

function dispatch(request: Request): unknown {
  const s = service;
  switch (request.method) {
    case 'console.execute':
      return s.execute(...request.args);
    case 'script.execute':
      return s.executeScript(...request.args);
    case 'console.answer':
      return s.answer(...request.args);
    case 'console.cancelPrompt':
      return s.cancelPrompt();
    case 'console.stopAtPrompt':
      return s.stopAtPrompt();
    case 'console.complete':
      return s.complete(...request.args);
    case 'console.history':
      return s.consoleHistory();
    case 'changes.summary':
      return s.changesSummary();
    case 'connection.status':
      return s.connectionStatus();
    case 'connection.preview':
      return s.previewConnect(...request.args);
    case 'baseline.import':
      return s.importBaseline(...request.args);
    case 'configuration.backup':
      return s.backupConfiguration();
    case 'configuration.restore':
      return s.restoreConfiguration(...request.args);
    case 'topology.import':
      return s.importTopology(...request.args);
    case 'cmdlet.run':
      return s.runCmdlet(...request.args);
    case 'cmdlet.preview':
      return s.previewCmdlet(...request.args);
    case 'cmdlet.bulk':
      return s.runBulk(...request.args);
    case 'cmdlet.bulkPreview':
      return s.previewBulk(...request.args);
    case 'help.get':
      return s.help(...request.args);
    case 'watch.start':
      return s.start();
    case 'history.list':
      return s.listHistory();
    case 'history.undo':
      return s.undoChange(...request.args);
  }
}


function onCall(request: Request): void {
  if (CONSOLE_METHODS.has(request.method)) {
    consoleCall = request.id;
    pump.reset();
  }
  let pending: Promise<unknown>;
  try {
    pending = Promise.resolve(dispatch(request));
  } catch (error) {
    pending = Promise.reject(error);
  }
  pending.then(
    (value) => {
      if (CONSOLE_METHODS.has(request.method) && (value as ConsoleResult).prompt === null) control.clearStop();
      reply(request.id, { ok: true, value });
    },
    (error: unknown) => reply(request.id, { ok: false, error: toWire(error) }),
  );
}

/** The host interrupted the running statement: roll it back and answer for it. */
function onCut(): void {
  if (control.phase !== CUTTING) return;
  const result = service.abandonConsole();
  control.reset();
  control.clearStop();
  const id = consoleCall;
  if (result !== undefined && id !== undefined) reply(id, { ok: true, value: result });
}

port.on('message', (message: ToWorker) => {
  if (message.type === 'call') onCall(message);
  else if (message.type === 'stop') {
    pump.release();
    service.stopPrompt();
    // A pull or push waiting on its PowerShell ends it now, before the statement is cut off from outside.
    endRunningChildren();
  } else if (message.type === 'ack') pump.ack(message.seq);
  else if (message.type === 'cut') onCut();
});

service.onConfigurationChanged(() => post({ type: 'changed' }));
