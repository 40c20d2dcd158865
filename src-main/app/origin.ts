// Origin comparison that also works for app:// URLs.
//
// Node's URL gives custom schemes an opaque origin ("null"), so
// `new URL(u).origin` cannot be compared for app://; compare scheme and host
// (which includes the port) instead. Pure: unit-tested under plain Node.

export function isSameOrigin(url: string, trustedOrigin: string): boolean {
  try {
    const candidate = new URL(url);
    const trusted = new URL(trustedOrigin);
    return (
      candidate.protocol === trusted.protocol &&
      candidate.host.toLowerCase() === trusted.host.toLowerCase() &&
      candidate.username === '' &&
      candidate.password === ''
    );
  } catch {
    return false;
  }
}

/**
 * A `blob:` URL minted by our own page, saved under a plain file name with one
 * of the extensions the window exports: .csv (Export rows to CSV), .ps1 (the
 * Pending changes panel's Save script) and .json (Back up). Nothing else, so a
 * page that went wrong cannot save an executable or a shortcut.
 */
export function isOwnExport(url: string, fileName: string, trustedOrigin: string): boolean {
  if (!url.startsWith('blob:') || !/^[^\\/:*?"<>|]+\.(?:csv|ps1|json)$/i.test(fileName)) return false;
  return isSameOrigin(url.slice('blob:'.length), trustedOrigin);
}
