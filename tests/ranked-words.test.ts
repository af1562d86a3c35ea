// zxcvbn's dictionaries held by RankedWords (src/utils/ranked-words.ts, ADR 0025): the table
// ranks as zxcvbn ranks, and the estimator built on it rates passwords exactly as stock zxcvbn
// does with its own tables. The comparison is what catches an upgrade of @zxcvbn-ts/core that
// reads its dictionaries another way than as properties of a plain object.
import { describe, expect, test } from '@jest/globals';
import { ZxcvbnFactory, type ZxcvbnResult } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import { accountWords, rateStrength } from '../src/api/auth/auth.passwords.ts';
import { RankedWords } from '../src/utils/ranked-words.ts';

describe('RankedWords', () => {
  const words = new RankedWords(['alpha', 'beta', 'gamma', 'beta', 'ärger', '日本', '']);

  test('ranks by position from 1; a word listed twice has its later rank', () => {
    expect(['alpha', 'gamma', 'beta', 'ärger', '日本'].map((w) => words.rank(w))).toEqual([
      1, 3, 4, 5, 6,
    ]);
    expect(words.maxLength).toBe(5);
  });

  test('knows no other word: prefixes, extensions, case, the empty string unless listed', () => {
    for (const word of ['alph', 'alphas', 'Alpha', 'bet', 'gammas', '日', 'x'.repeat(9)])
      expect(words.rank(word)).toBeUndefined();
    expect(new RankedWords(['a']).rank('')).toBeUndefined();
    expect(words.rank('')).toBe(7);
  });

  test('its record view answers lookups and membership, lists nothing and refuses writes', () => {
    const view = words.asRecord();
    expect(view['gamma']).toBe(3);
    expect(view['delta']).toBeUndefined();
    expect(view['constructor']).toBeUndefined();
    expect('beta' in view).toBe(true);
    expect('delta' in view).toBe(false);
    expect(Object.keys(view)).toEqual([]);
    expect(() => {
      (view as Record<string, number>)['delta'] = 1;
    }).toThrow(TypeError);
  });

  test('refuses a word with a newline (the separator in its text)', () => {
    expect(() => new RankedWords(['a\nb'])).toThrow(/newline/);
  });

  test('finds every word of a large list, under collisions', () => {
    const list = Array.from({ length: 50_000 }, (_, i) => `w${(i * 7919) % 50_000}`);
    const table = new RankedWords(list);
    expect(list.filter((word, i) => table.rank(word) !== i + 1)).toEqual([]);
    expect(table.rank('w50000')).toBeUndefined();
  });
});

/** A seeded generator: the same passwords on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff;
    return state / 0x80000000;
  };
}

const L33T: Record<string, string> = { a: '@', e: '3', i: '1', o: '0', s: '$', t: '7' };

/** Words of every dictionary, spread over its ranks, each plain and disguised as people do. */
function passwords(): string[] {
  const next = random(17);
  const out: string[] = [];
  const lists = Object.values({ ...common.dictionary, ...en.dictionary }).map((l) => l.map(String));
  for (const list of lists) {
    const step = Math.max(1, Math.floor(list.length / 25));
    for (let i = 0; i < list.length; i += step) {
      const word = list[i]!;
      const other = lists[Math.floor(next() * lists.length)]!;
      const second = other[Math.floor(next() * other.length)]!;
      out.push(
        word,
        word.charAt(0).toUpperCase() + word.slice(1) + String(Math.floor(next() * 2030)),
        [...word].reverse().join(''),
        word.replace(/[aeiost]/g, (c) => L33T[c]!),
        `${word}-${second}!`,
      );
    }
  }
  for (let n = 0; n < 100; n += 1)
    out.push(
      Array.from({ length: 6 + Math.floor(next() * 20) }, () =>
        String.fromCharCode(33 + Math.floor(next() * 94)),
      ).join(''),
    );
  out.push('ada@example.com1', 'lovelace1815', 'constructor', '__proto__', 'valueof');
  return out;
}

/** What a rating decides and explains, and which words it found where. */
function summary(result: ZxcvbnResult): unknown {
  return {
    score: result.score,
    guesses: result.guesses,
    feedback: result.feedback,
    sequence: result.sequence.map((m) => ({
      pattern: m.pattern,
      i: m.i,
      j: m.j,
      token: m.token,
      rank: m.rank,
      dictionaryName: m.dictionaryName,
      l33t: m.l33t,
      reversed: m.reversed,
    })),
  };
}

describe('the strength estimator on RankedWords', () => {
  test('rates over a thousand passwords exactly as zxcvbn does with its own tables', () => {
    const stock = new ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...en.dictionary },
      graphs: common.adjacencyGraphs,
      translations: en.translations,
      maxLength: 64,
      l33tMaxSubstitutions: 3,
    });
    const account = ['ada@example.com', 'Ada Lovelace'];
    const all = passwords();
    expect(all.length).toBeGreaterThan(1000);
    const ours = all.map((p) => rateStrength(p, account));
    const theirs = all.map((p) => stock.check(p, accountWords(account)));
    const differ = all.filter(
      (_p, i) => JSON.stringify(summary(ours[i]!)) !== JSON.stringify(summary(theirs[i]!)),
    );
    expect(differ).toEqual([]);
    // Not a comparison of two empty ratings: the samples reach every dictionary.
    const found = new Set(ours.flatMap((r) => r.sequence.map((m) => m.dictionaryName)));
    expect([...found].filter(Boolean).length).toBeGreaterThanOrEqual(10);
  }, 120_000);
});
