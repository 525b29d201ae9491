// Reports carry only new or changed names, so the page keeps every name it has learned.
export const NAME_BOOK_CAP = 10_000;

/** Returns a new map with `learned` added; the oldest entries go past `cap`. */
export function learnNames(
  book: ReadonlyMap<string, string>,
  learned: Readonly<Record<string, string>>,
  cap = NAME_BOOK_CAP,
): ReadonlyMap<string, string> {
  const entries = Object.entries(learned);
  if (entries.length === 0) return book;
  const next = new Map(book);
  for (const [address, name] of entries) {
    // Re-inserting moves a renewed name to the young end.
    next.delete(address);
    next.set(address, name);
  }
  for (const address of next.keys()) {
    if (next.size <= cap) break;
    next.delete(address);
  }
  return next;
}
