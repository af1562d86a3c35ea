// The search probe (src/api/products/products.search.ts): which trigrams a rare term sends to the
// indexes. The probe decides speed only, so what matters most is that it never excludes a row
// that holds the term: every probe is checked against the term as a LIKE pattern would be.
import { describe, expect, test } from '@jest/globals';
import {
  buildSearchSample,
  RARE_SHARE,
  searchProbe,
  trigramWindows,
  type SearchSample,
} from '../../src/api/products/products.search.ts';

/** A `%a%b%` pattern as ILIKE reads it (the pieces hold letters and digits only). */
function likeMatches(pattern: string, value: string): boolean {
  const pieces = pattern.split('%').filter((p) => p !== '');
  let from = 0;
  const lower = value.toLowerCase();
  for (const piece of pieces) {
    const at = lower.indexOf(piece.toLowerCase(), from);
    if (at === -1) return false;
    from = at + piece.length;
  }
  return true;
}

// 2,000 rows: every SKU starts with `SKU-` and every name with a colour, as a real catalog's
// prefixes do; `Walnut Desk` is rare (4 rows), each colour common (a fifth of the rows).
const colours = ['Red', 'Blue', 'Green', 'Oak', 'Steel'];
const rows = Array.from({ length: 2000 }, (_, i) => ({
  name: i % 500 === 7 ? `Walnut Desk ${i}` : `${colours[i % 5]} Chair ${i}`,
  sku: `SKU-${String(i).padStart(6, '0')}`,
}));

let sample: SearchSample;

describe('trigram windows', () => {
  test('lie inside runs of letters and digits, lowercase, once each, at their first place', () => {
    expect(trigramWindows('SEED-0999')).toEqual([
      { gram: 'see', at: 0 },
      { gram: 'eed', at: 1 },
      { gram: '099', at: 5 },
      { gram: '999', at: 6 },
    ]);
    expect(trigramWindows('aaaa')).toEqual([{ gram: 'aaa', at: 0 }]);
    expect(trigramWindows('a b-cd')).toEqual([]);
    // Positions count code points, not UTF-16 units.
    expect(trigramWindows('😀 Ärger')).toEqual([
      { gram: 'ärg', at: 2 },
      { gram: 'rge', at: 3 },
      { gram: 'ger', at: 4 },
    ]);
  });
});

describe('the probe', () => {
  test('is none without a sample, for a common term, or for a term with no window', async () => {
    sample = await buildSearchSample(rows);
    expect(searchProbe(undefined, 'walnut')).toBeUndefined();
    expect(searchProbe(await buildSearchSample([]), 'walnut')).toBeUndefined();
    // `chair` is in 1,996 of 2,000 names; `red` in a fifth.
    expect(searchProbe(sample, 'chair')).toBeUndefined();
    expect(searchProbe(sample, 'RED')).toBeUndefined();
    expect(searchProbe(sample, 'de')).toBeUndefined();
    expect(searchProbe(sample, 'a-b')).toBeUndefined();
    // A capital sigma lowercases by its context: the whole term is kept.
    expect(searchProbe(sample, 'ΣΟΦΙΑ')).toBeUndefined();
  });

  test('asks for the rare part of the term and leaves out what every row shares', () => {
    // Four of the 2,000 rows hold `walnut desk`: below RARE_SHARE.
    expect(4 / 2000).toBeLessThan(RARE_SHARE);
    const desk = searchProbe(sample, 'Walnut Desk');
    expect(desk).toBeDefined();
    // One window of `walnut` is in those four names only: it is enough.
    expect(desk?.name).toMatch(/^%[A-Za-z]{3}%$/);
    expect('walnut desk').toContain(desk?.name.slice(1, -1).toLowerCase());
    // `SKU-001234`: `sku` is in every SKU and is left out; the digits find one row.
    const sku = searchProbe(sample, 'SKU-001234');
    expect(sku?.sku).not.toMatch(/sku/i);
    expect(sku?.sku).toMatch(/^%[0-9%]+%$/);
  });

  test('merges windows that overlap, so that the pattern still fits the term', async () => {
    // Two rows hold `qxzy`; `qxz` and `xzy` each hold alone in other rows, so both windows are
    // needed, and `%qxz%xzy%` would demand a second `xzy` after the first `qxz`.
    const few = [
      { name: 'qxzy', sku: 'A' },
      { name: 'qxzy', sku: 'B' },
      ...Array.from({ length: 40 }, (_, i) => ({ name: i % 2 ? 'qxz' : 'xzy', sku: `C${i}` })),
      ...Array.from({ length: 958 }, (_, i) => ({ name: 'filler', sku: `D${i}` })),
    ];
    const probe = searchProbe(await buildSearchSample(few), 'qxzy');
    expect(probe?.name).toBe('%qxzy%');
  });

  test('fits every row that holds the term, whatever the term', () => {
    // Terms cut from the rows themselves (so they match), in other cases, across separators.
    const values = [...rows.map((r) => r.name), ...rows.map((r) => r.sku)];
    let probed = 0;
    for (let i = 0; i < values.length; i += 7) {
      const value = values[i] as string;
      for (const [from, length] of [
        [0, 6],
        [2, 9],
        [1, 12],
        [4, 4],
      ] as const) {
        const cut = value.slice(from, from + length);
        const term = i % 2 ? cut.toUpperCase() : cut;
        const probe = searchProbe(sample, term);
        if (!probe) continue;
        probed += 1;
        for (const row of values.filter((v) => v.toLowerCase().includes(term.toLowerCase()))) {
          expect(likeMatches(probe.name, row) || likeMatches(probe.sku, row)).toBe(true);
          // Each column's probe fits that column's rows on its own.
          if (rows.some((r) => r.name === row)) expect(likeMatches(probe.name, row)).toBe(true);
          else expect(likeMatches(probe.sku, row)).toBe(true);
        }
      }
    }
    expect(probed).toBeGreaterThan(100);
  });

  test('a sample holds at most SAMPLE_ROWS rows', async () => {
    await expect(
      buildSearchSample(Array.from({ length: 10_001 }, () => ({ name: 'a', sku: 'b' }))),
    ).rejects.toThrow(/at most/);
  });
});
