// Small helpers for hand-written SQL.

/** A `%text%` pattern for (I)LIKE in which the user's % and _ match themselves (\ escapes). */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
