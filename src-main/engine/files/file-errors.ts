// The errors file commands raise, in Windows PowerShell 5.1's words. A
// FileError carries the record's fields; a cmdlet turns it into a
// non-terminating error (per path) or a terminating one.

import type { ErrorCategory } from '../shell/errors';

export class FileError extends Error {
  constructor(
    message: string,
    readonly errorId: string,
    readonly category: ErrorCategory,
    readonly exceptionType: string,
    readonly target: string,
  ) {
    super(message);
  }
}

export function pathNotFound(file: string): FileError {
  return new FileError(`Cannot find path '${file}' because it does not exist.`, 'PathNotFound', 'ObjectNotFound', 'ItemNotFoundException', file);
}

export function folderNotFound(file: string): FileError {
  return new FileError(`Could not find a part of the path '${file}'.`, 'FileOpenFailure', 'OpenError', 'DirectoryNotFoundException', file);
}

export function accessDenied(file: string): FileError {
  return new FileError(`Access to the path '${file}' is denied.`, 'UnauthorizedAccess', 'PermissionDenied', 'UnauthorizedAccessException', file);
}

export function alreadyExists(file: string): FileError {
  return new FileError(`The file '${file}' already exists.`, 'NoClobber', 'ResourceExists', 'IOException', file);
}

export function tooLarge(file: string, size: number, limit: number): FileError {
  return new FileError(
    `The file '${file}' is too large to read (${size} bytes; the limit is ${limit} bytes). Nothing was read.`,
    'FileTooLarge',
    'LimitsExceeded',
    'IOException',
    file,
  );
}

/** Node's error for `file` in PowerShell's words; anything unexpected keeps Node's text. */
export function fromNodeError(err: unknown, file: string): FileError {
  if (err instanceof FileError) return err;
  const code = (err as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return folderNotFound(file);
  if (code === 'EACCES' || code === 'EPERM' || code === 'EISDIR') return accessDenied(file);
  return new FileError(`${(err as Error)?.message ?? String(err)}`, 'FileOpenFailure', 'OpenError', 'IOException', file);
}
