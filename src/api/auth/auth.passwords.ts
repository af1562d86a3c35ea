// Password hashing and strength. bcrypt reads only the first 72 bytes of its input, so a long
// passphrase is first reduced to a SHA-256 digest (base64, 44 bytes): every character counts.
// Strength comes from zxcvbn, a maintained estimator, with the account's email and name as
// extra dictionary words, so "ada@example.com1" is as weak as it looks.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { type Options as ZxcvbnOptions, ZxcvbnFactory, type ZxcvbnResult } from '@zxcvbn-ts/core';
import type * as LanguageCommonModule from '@zxcvbn-ts/language-common';
import type * as LanguageEnModule from '@zxcvbn-ts/language-en';
import bcrypt from 'bcrypt';
import { AppError } from '../../utils/errors.ts';
import { RankedWords } from '../../utils/ranked-words.ts';

/** zxcvbn scores 0–4; 3 means "safely unguessable: moderate protection from offline attacks". */
const MIN_SCORE = 3;
/**
 * The estimator's cost grows steeply with length and with characters that have l33t readings:
 * with its defaults (256 characters, 100 substitutions) one 128-character password of random
 * symbols took 2.5 s of synchronous CPU, on public endpoints (register). Rating the first 64
 * characters with at most 3 l33t substitutions keeps the worst case below 0.1 s and gave the same
 * scores on common, l33t and strong samples; a password whose first 64 characters are strong is
 * strong.
 */
const RATED_LENGTH = 64;
const L33T_MAX_SUBSTITUTIONS = 3;

let estimator: ZxcvbnFactory | undefined;

type LanguageCommon = typeof LanguageCommonModule;
type LanguageEn = typeof LanguageEnModule;

/**
 * The language packs' word lists, keyboard graphs and messages, loaded so that nothing keeps the
 * packs' modules: once the lists are ranked (below) their 236,000 strings are garbage. Imported
 * as modules, the packs would hold them for the life of the process.
 */
function loadLanguagePacks(): {
  wordLists: Record<string, readonly (string | number)[]>;
  graphs: LanguageCommon['adjacencyGraphs'];
  translations: LanguageEn['translations'];
} {
  const require = createRequire(import.meta.url);
  const cached = new Set(Object.keys(require.cache));
  const common = require('@zxcvbn-ts/language-common') as LanguageCommon;
  const en = require('@zxcvbn-ts/language-en') as LanguageEn;
  for (const file of Object.keys(require.cache)) if (!cached.has(file)) delete require.cache[file];
  return {
    wordLists: { ...common.dictionary, ...en.dictionary },
    graphs: common.adjacencyGraphs,
    translations: en.translations,
  };
}

/**
 * zxcvbn with its dictionaries ranked by RankedWords instead of by itself (ADR 0025): 8 MiB of
 * heap instead of 27, in about the same start-up time, and ratings no slower. zxcvbn looks
 * words up as properties of a plain object (`rankedDictionaries[name][word]`), which
 * RankedWords' record view serves; its ratings are the same (tests/ranked-words.test.ts
 * compares both on over a thousand passwords, so an upgrade of @zxcvbn-ts/core that reads the
 * dictionaries another way fails there). zxcvbn's Options are private in its types, hence the
 * one cast.
 */
function strengthEstimator(): ZxcvbnFactory {
  if (estimator) return estimator;
  const { wordLists, graphs, translations } = loadLanguagePacks();
  const built = new ZxcvbnFactory({
    graphs,
    translations,
    maxLength: RATED_LENGTH,
    l33tMaxSubstitutions: L33T_MAX_SUBSTITUTIONS,
  });
  const options = (built as unknown as { options: ZxcvbnOptions }).options;
  const ranked: ZxcvbnOptions['rankedDictionaries'] = {};
  const longest: ZxcvbnOptions['rankedDictionariesMaxWordSize'] = {};
  for (const [name, list] of Object.entries(wordLists)) {
    const words = new RankedWords(list.map(String));
    ranked[name] = words.asRecord();
    longest[name] = words.maxLength;
  }
  options.rankedDictionaries = ranked;
  options.rankedDictionariesMaxWordSize = longest;
  estimator = built;
  return estimator;
}

/**
 * Passwords that between them take every matcher of the estimator (dictionary, reversed, l33t,
 * keyboard, repeat, sequence, date, year, separators, brute force) and its scoring. Made up for
 * this list; nothing is stored.
 */
const PRACTICE_PASSWORDS = [
  'orange-tractor-window-piano',
  'Tr0ub4dour&3',
  'elbatsyrettab-esroh',
  'qwerty123456789',
  'zxcvbnm,./asdf',
  'aaaaaaabbbbbbb',
  'abcdefghijk-9876',
  'john.smith1985',
  '12.03.1987-sunshine',
  'P@ssw0rd2024!',
  'dragon!Master99',
  'Xq7#vR2m!pL9@wZ4',
];

/**
 * Builds the strength estimator (loading and ranking its dictionaries: about 0.4 s) and rates
 * the practice passwords. Called at start-up (src/warm-up.ts) so that no registration pays for
 * either; without it, the first check builds the estimator. The ratings are for V8: a process's
 * first checks run code not yet compiled past its first tier, so after one practice check the
 * next rating of "correct-horse-battery-staple" took 25-29 ms against 19-21 for the tenth, and
 * after these twelve 20-22 against 20 (in process); a fresh process's first registration went
 * from 1.9-2.1x its tenth to 1.4-1.7x (`npm run bench:first-request`, docs/BENCHMARKS.md). About
 * 100 ms more start-up. Not done on import: every test file would pay for it.
 */
export function prepareStrengthEstimator(): void {
  for (const password of PRACTICE_PASSWORDS)
    checkStrength(password, ['start-up@example.com', 'Start Up']);
}

function prehash(password: string): string {
  return createHash('sha256').update(password, 'utf8').digest('base64');
}

export function hashPassword(password: string, cost: number): Promise<string> {
  return bcrypt.hash(prehash(password), cost);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(prehash(password), hash);
}

const dummyHashes = new Map<number, Promise<string>>();

/**
 * A hash to compare against when there is no account, so both paths cost the same time. Made
 * once per cost and kept (a failed one is made again next time). src/warm-up.ts makes the
 * configured cost's before the server listens: otherwise the first sign-in after a deploy paid
 * a second bcrypt hash at full cost (about 250 ms of CPU at 12), beside its own comparison.
 */
export function dummyHash(cost: number): Promise<string> {
  let hash = dummyHashes.get(cost);
  if (!hash) {
    hash = bcrypt.hash(prehash('no account has this password'), cost);
    dummyHashes.set(cost, hash);
    hash.catch(() => dummyHashes.delete(cost));
  }
  return hash;
}

export interface StrengthVerdict {
  ok: boolean;
  warning: string | undefined;
  suggestions: string[];
}

/** The account's words zxcvbn treats as a dictionary: each whole, and its parts. */
export function accountWords(userInputs: string[]): string[] {
  // The local part of the email on its own too: "ada" from ada@example.com.
  return userInputs.flatMap((s) => [s, ...s.split(/[@\s.]+/)]).filter((s) => s.length > 2);
}

/** zxcvbn's whole rating of the password, the account's words counting as a dictionary. */
export function rateStrength(password: string, userInputs: string[]): ZxcvbnResult {
  return strengthEstimator().check(password, accountWords(userInputs));
}

export function checkStrength(password: string, userInputs: string[]): StrengthVerdict {
  const result = rateStrength(password, userInputs);
  return {
    ok: result.score >= MIN_SCORE,
    warning: result.feedback.warning ?? undefined,
    suggestions: result.feedback.suggestions,
  };
}

export class WeakPasswordError extends AppError {
  /** `field`: the name of the password in the caller's input, for the detail. */
  constructor(verdict: StrengthVerdict, field = 'password') {
    const hint = [verdict.warning, ...verdict.suggestions].filter(Boolean).join(' ');
    super(400, 'WEAK_PASSWORD', 'This password is too easy to guess.', {
      fields: [{ field: [field], message: hint || 'choose a longer, less common password' }],
    });
  }
}

/** Throws 400 WEAK_PASSWORD unless the password is strong enough for this account. */
export function assertStrong(password: string, userInputs: string[], field?: string): void {
  const verdict = checkStrength(password, userInputs);
  if (!verdict.ok) throw new WeakPasswordError(verdict, field);
}
