// What a session knows about the file system: its current location (each
// session has its own; the worker's process.cwd() is never changed or used
// after start) and the transcript it is writing, if any. Paths typed in the
// console resolve against the location; `~` is the user's home folder.

import os from 'node:os';
import path from 'node:path';
import type { Transcript } from './transcript';

/** The folder a new session starts in: the process's own, unless that is the root (a desktop app launched from a menu). */
function startingLocation(): string {
  const cwd = process.cwd();
  return path.parse(cwd).root === cwd ? os.homedir() : cwd;
}

export class SessionFiles {
  location: string;
  transcript: Transcript | undefined;

  constructor(location: string = startingLocation()) {
    this.location = location;
  }

  /** An absolute path for what the user typed: `~` and `~/x` are the home folder, anything relative joins the location. */
  resolve(typed: string): string {
    let text = typed;
    if (text === '~' || text.startsWith('~/') || text.startsWith('~\\')) text = path.join(os.homedir(), text.slice(1));
    return path.resolve(this.location, text);
  }
}

const BY_OWNER = new WeakMap<object, SessionFiles>();

/** The file state of a session, made on first use; `owner` is whatever identifies the session (its interpreter). */
export function sessionFilesOf(owner: object): SessionFiles {
  let files = BY_OWNER.get(owner);
  if (!files) BY_OWNER.set(owner, (files = new SessionFiles()));
  return files;
}
