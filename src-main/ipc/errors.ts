// Errors as plain data at the IPC boundary: a refusal (bad sender, bad
// payload, busy console) is thrown as an IpcRefusal inside main and leaves as
// an ErrorData in an IpcReply; anything else becomes a generic InternalError
// so no stack trace or path from an unexpected exception reaches the renderer.

import type { ErrorData, IpcReply } from './contract';

export class IpcRefusal extends Error {
  readonly data: ErrorData;

  constructor(id: string, message: string, category = 'InvalidArgument') {
    super(message);
    this.name = 'IpcRefusal';
    this.data = Object.freeze({ id, message, category });
  }
}

export function refuse(id: string, message: string, category?: string): never {
  throw new IpcRefusal(id, message, category);
}

export function okReply<T>(value: T): IpcReply<T> {
  return { ok: true, value };
}

export function errorReply(error: unknown): IpcReply<never> {
  if (error instanceof IpcRefusal) return { ok: false, error: error.data };
  return {
    ok: false,
    error: { id: 'InternalError', message: 'pchat-admin could not carry out the request (internal error).', category: 'NotSpecified' },
  };
}
