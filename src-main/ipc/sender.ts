// The trusted-sender check every handler runs first: the calling frame must
// still exist and show a page of our own origin (app://renderer, or the dev
// server / web preview origin given at registration). Anything else — a
// destroyed frame, a page that navigated away, another scheme or host — is
// refused before the payload is even looked at.

import { isSameOrigin } from '../app/origin';
import type { IpcEventLike } from './contract';
import { refuse } from './errors';

export function isTrustedSender(event: unknown, trustedOrigin: string): boolean {
  if (typeof event !== 'object' || event === null) return false;
  try {
    const frame = (event as IpcEventLike).senderFrame;
    if (typeof frame !== 'object' || frame === null) return false;
    // Reading .url of a frame disposed a moment ago can throw: that is an untrusted sender too.
    const url: unknown = frame.url;
    return typeof url === 'string' && isSameOrigin(url, trustedOrigin);
  } catch {
    return false;
  }
}

/** Throws an IpcRefusal unless the sender is trusted. */
export function assertTrustedSender(event: unknown, trustedOrigin: string): void {
  if (!isTrustedSender(event, trustedOrigin)) {
    refuse('UntrustedSender', 'The request did not come from the pchat-admin window and was refused.', 'PermissionDenied');
  }
}
