// How a rare search term reaches the trigram indexes (ADR 0015, "Later: a rare term asks the index
// for its rare trigrams only"). pg_trgm asks the GIN index for every trigram of the pattern, and
// a trigram that most rows share costs as much as its whole posting list: `SEED-09999` paid for
// `see`, `eed`, `ed-` and `d-0`, which every seeded SKU holds, and `wooden chair` for ten
// trigrams of tens of thousands of rows each. From a sample of the catalog (ten thousand rows,
// taken again every ten minutes) the repository learns which trigrams are rare, and when the term
// itself is rare it asks the index for a probe: the term's rarest windows only (`%0999%`), while
// the whole term is still tested on every row the probe finds. The sample decides speed, never
// the answer: the probe is pieces of the term in the term's order, so every row that holds the
// term holds the probe too.

/** Rows the sample holds at most. Their row numbers fit a Uint16Array. */
export const SAMPLE_ROWS = 10_000;

/** A term held by fewer of the sample's rows than this share is rare: it gets a probe. */
export const RARE_SHARE = 0.005;

/** Windows the probe is chosen from, the rarest first. */
const MAX_WINDOWS = 24;

/** A window joins the probe when it leaves at most this share of the sample rows found so far. */
const USEFUL_CUT = 0.7;

/**
 * A window held by no more than this share of the sample is rare: cheap to ask for. The probe
 * stops taking common windows once its rows are this few.
 */
const RARE_WINDOW = 0.001;

/** Rare windows the probe takes at most. */
const MAX_RARE = 4;

const WORD = /^[\p{L}\p{N}]$/u;

/** A letter or a digit (pg_trgm's word characters); ASCII without the regular expression. */
function isWordChar(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return WORD.test(ch);
}

export interface ColumnSample {
  /** The sampled values, lowercase. */
  values: string[];
  /** For each trigram, the sample rows (their numbers, ascending) whose value holds it. */
  postings: Map<string, Uint16Array>;
}

export interface SearchSample {
  rows: number;
  name: ColumnSample;
  sku: ColumnSample;
  /** Date.now() when it was taken. */
  takenAt: number;
}

/** LIKE patterns for the trigram indexes, one per column: each a subsequence of the term's text. */
export interface SearchProbe {
  name: string;
  sku: string;
}

interface Window {
  gram: string;
  /** Index of its first character among the term's code points. */
  at: number;
}

/**
 * The term's three-character windows that lie inside a run of letters and digits: the trigrams
 * pg_trgm extracts from a `%…%` pattern (it pads only at a word's edge beside a literal character,
 * which a contains-search never has), lowercase, each once, at its first position.
 */
export function trigramWindows(text: string): Window[] {
  const chars = Array.from(text);
  const seen = new Set<string>();
  const windows: Window[] = [];
  let run = 0;
  for (let i = 0; i < chars.length; i += 1) {
    run = isWordChar(chars[i] as string) ? run + 1 : 0;
    if (run < 3) continue;
    const gram = chars
      .slice(i - 2, i + 1)
      .join('')
      .toLowerCase();
    if (seen.has(gram)) continue;
    seen.add(gram);
    windows.push({ gram, at: i - 2 });
  }
  return windows;
}

/** Rows indexed between two turns of the event loop while a sample is built. */
const ROWS_PER_TURN = 500;

/** The same windows as trigramWindows, without positions: one pass over the lowercased value. */
function addWindows(lists: Map<string, number[]>, value: string, row: number): void {
  let a = '';
  let b = '';
  let run = 0;
  for (const ch of value) {
    if (!isWordChar(ch)) {
      run = 0;
      continue;
    }
    run += 1;
    if (run >= 3) {
      const gram = a + b + ch;
      const list = lists.get(gram);
      if (!list) lists.set(gram, [row]);
      else if (list[list.length - 1] !== row) list.push(row);
    }
    a = b;
    b = ch;
  }
}

function postingsOf(lists: Map<string, number[]>): Map<string, Uint16Array> {
  const postings = new Map<string, Uint16Array>();
  for (const [gram, list] of lists) postings.set(gram, Uint16Array.from(list));
  return postings;
}

/**
 * The sample's trigrams and text. Tens of milliseconds of work for ten thousand rows, so it
 * yields to the event loop every ROWS_PER_TURN rows: requests keep being answered meanwhile.
 */
export async function buildSearchSample(
  rows: { name: string; sku: string }[],
  takenAt = Date.now(),
): Promise<SearchSample> {
  if (rows.length > SAMPLE_ROWS) throw new Error(`a sample holds at most ${SAMPLE_ROWS} rows`);
  const names: string[] = [];
  const skus: string[] = [];
  const nameLists = new Map<string, number[]>();
  const skuLists = new Map<string, number[]>();
  for (let row = 0; row < rows.length; row += 1) {
    if (row > 0 && row % ROWS_PER_TURN === 0) await new Promise((resolve) => setImmediate(resolve));
    const { name, sku } = rows[row] as { name: string; sku: string };
    names.push(name.toLowerCase());
    skus.push(sku.toLowerCase());
    addWindows(nameLists, names[row] as string, row);
    addWindows(skuLists, skus[row] as string, row);
  }
  return {
    rows: rows.length,
    name: { values: names, postings: postingsOf(nameLists) },
    sku: { values: skus, postings: postingsOf(skuLists) },
    takenAt,
  };
}

/** Whether the ascending `list` holds `x` (binary search). */
function holds(list: Uint16Array, x: number): boolean {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((list[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo < list.length && list[lo] === x;
}

/** The rows in both ascending lists: by merging, or by binary search when one is far shorter. */
function intersect(a: Uint16Array, b: Uint16Array): Uint16Array {
  if (a.length > b.length) return intersect(b, a);
  const out = new Uint16Array(a.length);
  let n = 0;
  if (a.length * 16 < b.length) {
    for (const x of a) if (holds(b, x)) out[n++] = x;
    return out.subarray(0, n);
  }
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      out[n++] = x;
      i += 1;
      j += 1;
    } else if (x < y) i += 1;
    else j += 1;
  }
  return out.subarray(0, n);
}

const NONE = new Uint16Array(0);

/**
 * How many of the column's sampled values hold `needle`, counted up to `enough` (a common term
 * stops early): only the rows holding its rarest window are tested.
 */
function heldBy(column: ColumnSample, windows: Window[], needle: string, enough: number): number {
  let rarest: Uint16Array | undefined;
  for (const { gram } of windows) {
    const list = column.postings.get(gram) ?? NONE;
    if (!rarest || list.length < rarest.length) rarest = list;
  }
  let count = 0;
  for (const row of rarest ?? NONE) {
    if (count >= enough) break;
    if ((column.values[row] as string).includes(needle)) count += 1;
  }
  return count;
}

/**
 * The windows that narrow the column's sample most, greedily from the rarest: a window joins when
 * it is rare itself (its posting list is short, so asking for it costs little, and a sample
 * taken by whole pages can hold too few of a rare value's rows to show the cut it makes), or
 * when it leaves at most USEFUL_CUT of the rows found so far while those are still many.
 */
function chooseWindows(column: ColumnSample, windows: Window[], rows: number): Window[] {
  const ranked = windows
    .map((w) => ({ w, list: column.postings.get(w.gram) ?? NONE }))
    .sort((a, b) => a.list.length - b.list.length)
    .slice(0, MAX_WINDOWS);
  const [first, ...rest] = ranked;
  if (!first) return [];
  const few = rows * RARE_WINDOW;
  const chosen = [first.w];
  let found = first.list;
  for (const { w, list } of rest) {
    if (list.length <= few) {
      if (chosen.length < MAX_RARE) chosen.push(w);
      found = intersect(found, list);
      continue;
    }
    if (found.length <= few) break;
    const narrower = intersect(found, list);
    if (narrower.length > found.length * USEFUL_CUT) continue;
    chosen.push(w);
    found = narrower;
  }
  return chosen;
}

/**
 * The chosen windows as one LIKE pattern, in the term's order: overlapping or touching windows
 * merge into one piece (`%abc%bcd%` would ask for `bcd` after `abc`, which `abcd` lacks). The
 * pieces are letters and digits only, so nothing in them needs escaping.
 */
function pattern(chars: string[], chosen: Window[]): string {
  const spans: { from: number; to: number }[] = [];
  for (const { at } of [...chosen].sort((a, b) => a.at - b.at)) {
    const last = spans.at(-1);
    if (last && at <= last.to) last.to = Math.max(last.to, at + 3);
    else spans.push({ from: at, to: at + 3 });
  }
  return `%${spans.map((s) => chars.slice(s.from, s.to).join('')).join('%')}%`;
}

/**
 * The probe for `term`, or undefined when the term is common in the sample (PostgreSQL walks the
 * list's order and stops early, which beats any bitmap), has no window for the index to use, or
 * there is no sample yet.
 */
export function searchProbe(
  sample: SearchSample | undefined,
  term: string,
): SearchProbe | undefined {
  if (!sample || sample.rows === 0) return undefined;
  // A capital sigma lowercases by its context: a piece of the term might not lowercase to the
  // same letters as the term does, so such a term keeps the full pattern.
  if (term.includes('\u03a3')) return undefined;
  const windows = trigramWindows(term);
  if (windows.length === 0) return undefined;
  const needle = term.toLowerCase();
  const common = sample.rows * RARE_SHARE;
  const inNames = heldBy(sample.name, windows, needle, common);
  if (inNames + heldBy(sample.sku, windows, needle, common - inNames) >= common) return undefined;
  const chars = Array.from(term);
  return {
    name: pattern(chars, chooseWindows(sample.name, windows, sample.rows)),
    sku: pattern(chars, chooseWindows(sample.sku, windows, sample.rows)),
  };
}
