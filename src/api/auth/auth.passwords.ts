// Password hashing and strength. bcrypt reads only the first 72 bytes of its input, so a long
// passphrase is first reduced to a SHA-256 digest (base64, 44 bytes): every character counts.
// Strength comes from zxcvbn, a maintained estimator, with the account's email and name as
// extra dictionary words, so "ada@example.com1" is as weak as it looks.
import { createHash } from 'node:crypto';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import bcrypt from 'bcrypt';
import { AppError } from '../../utils/errors.ts';

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

function strengthEstimator(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary },
    graphs: common.adjacencyGraphs,
    translations: en.translations,
    maxLength: RATED_LENGTH,
    l33tMaxSubstitutions: L33T_MAX_SUBSTITUTIONS,
  });
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
 * Builds the strength estimator (zxcvbn ranks its dictionaries: about 300 ms of CPU) and rates
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

export function checkStrength(password: string, userInputs: string[]): StrengthVerdict {
  // The local part of the email on its own too: "ada" from ada@example.com.
  const inputs = userInputs.flatMap((s) => [s, ...s.split(/[@\s.]+/)]).filter((s) => s.length > 2);
  const result = strengthEstimator().check(password, inputs);
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
