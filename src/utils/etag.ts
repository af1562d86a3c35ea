// Conditional requests (RFC 9110 §13): matching an entity tag against If-Match/If-None-Match.

/** RFC 9110 list of entity tags; `*` matches anything. Weak comparison for If-None-Match. */
export function etagMatches(header: string | undefined, etag: string, weak: boolean): boolean {
  if (header === undefined) return false;
  return header.split(',').some((raw) => {
    const tag = raw.trim();
    if (tag === '*') return true;
    if (weak) return tag.replace(/^W\//, '') === etag;
    return tag === etag;
  });
}
