// fast-check arbitraries built from the contract's JSON Schemas: values the contract calls valid,
// honouring type, enum, format (uuid, email, date-time, int32/int64), pattern, min/max length,
// minimum/maximum, min/max items, minProperties, required, additionalProperties: false and
// defaults, with their edges drawn often: the longest strings in 4-byte emoji, CJK or control
// characters, the largest numbers and arrays, defaults sent explicitly. Besides the schemas they
// honour the two global rules of the contract's description: no NUL in strings, finite numbers.
import fc from 'fast-check';
import { ajv, type Schema } from './contract-schemas.ts';

/** Where a value travels: header values must be visible ASCII to be sent at all. */
export type Place = 'path' | 'query' | 'header' | 'body';

/**
 * Lets the caller mix values of the running system (an id that exists, a password that is
 * right) into a field, most of the time, so a request gets past "not found" to the service.
 */
export type Hint = (
  name: string,
  schema: Schema,
  place: Place,
) => fc.Arbitrary<unknown> | undefined;

const codePoint = (min: number, max: number) =>
  fc.integer({ min, max }).map((c) => String.fromCodePoint(c));
const isSurrogate = (c: number) => c >= 0xd800 && c <= 0xdfff;

/** One code point per unit, so lengths count as JSON Schema (and PostgreSQL) count them. */
const TEXT_UNIT = fc.oneof(
  { weight: 4, arbitrary: codePoint(0x20, 0x7e) },
  { weight: 2, arbitrary: codePoint(0x4e00, 0x9fff) }, // CJK
  { weight: 2, arbitrary: codePoint(0x1f300, 0x1faff) }, // emoji: 4 bytes in UTF-8
  { weight: 1, arbitrary: codePoint(0x01, 0x1f) }, // control characters (never NUL)
  { weight: 1, arbitrary: fc.constantFrom(' ', '\t', '\n', '\u00a0', '\u3000', '\u200d') },
  {
    weight: 1,
    arbitrary: codePoint(0x80, 0x10ffff).filter((s) => !isSurrogate(s.codePointAt(0)!)),
  },
);
const HEADER_UNIT = codePoint(0x21, 0x7e);
/** A unit repeated to the maximum length: the heaviest strings of each kind. */
const HEAVY_UNIT = fc.constantFrom('😀', '漢', '\u0001', '"', '\\', 'é', '%', ' ');

function edgeIntegers(min: number, max: number): number[] {
  return [min, max, min + 1, max - 1, 0, 1].filter((n) => n >= min && n <= max);
}

function integerArbitrary(schema: Schema): fc.Arbitrary<number> {
  // The format's range and the schema's bounds both apply.
  const int32 = schema.format === 'int32';
  const min = Math.max(schema.minimum ?? -Infinity, int32 ? -(2 ** 31) : Number.MIN_SAFE_INTEGER);
  const max = Math.min(schema.maximum ?? Infinity, int32 ? 2 ** 31 - 1 : Number.MAX_SAFE_INTEGER);
  const range =
    min >= -(2 ** 31) && max <= 2 ** 31 - 1
      ? fc.integer({ min, max })
      : fc.bigInt({ min: BigInt(min), max: BigInt(max) }).map(Number);
  return fc.oneof(
    { weight: 1, arbitrary: fc.constantFrom(...edgeIntegers(min, max)) },
    { weight: 3, arbitrary: range },
  );
}

function lengthOf(s: string): number {
  return [...s].length;
}

/**
 * Patterns the contract uses are anchored sequences of character classes with quantifiers
 * (`^[A-Z]{3}$`, `^[A-Za-z0-9][A-Za-z0-9._-]*$`); those are built atom by atom so that every
 * allowed length, the maximum included, is reachable. Anything else falls back to fast-check's
 * stringMatching, filtered to the length bounds.
 */
function patternArbitrary(pattern: string, minLength: number, maxLength: number) {
  const atoms = /^\^((?:\[[^\]]+\](?:\{\d+\}|[*+])?)+)\$$/.exec(pattern)?.[1];
  if (!atoms) {
    const re = new RegExp(pattern, 'u');
    const within = (s: string) => lengthOf(s) >= minLength && lengthOf(s) <= maxLength;
    if (pattern === '\\S') {
      // "Something besides whitespace": any text of an allowed length that has some.
      return textArbitrary(minLength, maxLength, 'body').filter((s) => re.test(s));
    }
    return fc.stringMatching(re).filter(within);
  }
  const parts = [...atoms.matchAll(/(\[[^\]]+\])(\{(\d+)\}|[*+])?/g)].map((m) => {
    const unit = fc.stringMatching(new RegExp(`^${m[1]}$`));
    const fixed = m[3] === undefined ? undefined : Number(m[3]);
    const min = fixed ?? (m[2] === '*' ? 0 : 1);
    const max = fixed ?? (m[2] === undefined ? 1 : Infinity);
    return { unit, min, max };
  });
  const fixedLength = parts.slice(0, -1).reduce((sum, p) => sum + p.min, 0);
  const last = parts.at(-1)!;
  const lastMin = Math.max(last.min, minLength - fixedLength);
  const lastMax = Math.min(last.max, maxLength - fixedLength);
  const piece = (unit: fc.Arbitrary<string>, min: number, max: number) =>
    fc.oneof(
      fc.string({ unit, minLength: min, maxLength: max }),
      fc.string({ unit, minLength: max, maxLength: max }),
    );
  return fc
    .tuple(
      ...parts
        .slice(0, -1)
        .map((p) => fc.string({ unit: p.unit, minLength: p.min, maxLength: p.min })),
      piece(last.unit, lastMin, lastMax),
    )
    .map((pieces) => pieces.join(''));
}

function textArbitrary(minLength: number, maxLength: number, place: Place): fc.Arbitrary<string> {
  if (place === 'header') {
    return fc.string({ unit: HEADER_UNIT, minLength, maxLength: Math.min(maxLength, 200) });
  }
  const atMost = Math.min(maxLength, 10_000);
  return fc.oneof(
    {
      weight: 3,
      arbitrary: fc.string({
        unit: TEXT_UNIT,
        minLength,
        maxLength: Math.max(minLength, Math.min(atMost, 40)),
      }),
    },
    { weight: 1, arbitrary: fc.string({ unit: TEXT_UNIT, minLength: atMost, maxLength: atMost }) },
    { weight: 1, arbitrary: HEAVY_UNIT.map((unit) => unit.repeat(atMost)) },
  );
}

const isEmail = ajv.compile({ type: 'string', format: 'email' });
const LABEL = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/);

function emailArbitrary(minLength: number, maxLength: number): fc.Arbitrary<string> {
  // fast-check's RFC-shaped addresses, kept to what the validator's format accepts, and long
  // ones built to the maximum length from 63-character labels.
  const longest = fc
    .tuple(fc.stringMatching(/^[a-z0-9]{1,64}$/), fc.array(LABEL, { minLength: 4, maxLength: 4 }))
    .map(([local, labels]) => {
      const full = labels.map((l) => l.padEnd(63, 'x'));
      let domain = `${full.join('.')}.example`;
      const room = maxLength - local.length - 1;
      domain = domain.slice(domain.length - room).replace(/^[^a-z0-9]+/, '');
      return `${local}@${domain}`;
    });
  return fc
    .oneof({ weight: 3, arbitrary: fc.emailAddress() }, { weight: 1, arbitrary: longest })
    .filter((e) => e.length >= minLength && e.length <= maxLength && isEmail(e));
}

const EDGE_UUIDS = [
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  'FFFFFFFF-FFFF-4FFF-BFFF-FFFFFFFFFFFF',
];

function stringArbitrary(schema: Schema, place: Place): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0;
  const maxLength = schema.maxLength ?? 10_000;
  switch (schema.format) {
    case 'uuid':
      return fc.oneof(
        { weight: 4, arbitrary: fc.uuid() },
        { weight: 1, arbitrary: fc.uuid().map((u) => u.toUpperCase()) },
        { weight: 1, arbitrary: fc.constantFrom(...EDGE_UUIDS) },
      );
    case 'email':
      return emailArbitrary(minLength, maxLength);
    case 'date-time':
      return fc
        .date({ min: new Date('1970-01-01'), max: new Date('9999-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString());
    default:
      if (schema.pattern) return patternArbitrary(schema.pattern, minLength, maxLength);
      return textArbitrary(minLength, maxLength, place);
  }
}

function objectArbitrary(schema: Schema, place: Place, hint: Hint | undefined) {
  const properties = schema.properties ?? {};
  const model = Object.fromEntries(
    Object.entries(properties).map(([name, sub]) => [name, valueFor(sub, place, hint, name)]),
  );
  const atLeast = schema.minProperties ?? 0;
  return fc
    .record(model, { requiredKeys: schema.required ?? [] })
    .filter((value) => Object.keys(value).length >= atLeast);
}

/** A value valid against `schema`; `name` is the property or parameter it is for. */
export function valueFor(
  schema: Schema,
  place: Place,
  hint?: Hint,
  name = '',
): fc.Arbitrary<unknown> {
  const base = plainValueFor(schema, place, hint);
  const live = hint?.(name, schema, place);
  // Mostly what exists, so a request gets past "not found" to the rule it is about.
  const withLive = live
    ? fc.oneof({ weight: 1, arbitrary: base }, { weight: 3, arbitrary: live })
    : base;
  // A default is a value like any other: sometimes sent explicitly.
  return schema.default === undefined
    ? withLive
    : fc.oneof(
        { weight: 1, arbitrary: fc.constant(schema.default) },
        { weight: 3, arbitrary: withLive },
      );
}

function plainValueFor(
  schema: Schema,
  place: Place,
  hint: Hint | undefined,
): fc.Arbitrary<unknown> {
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (Array.isArray(schema.type)) {
    return fc.oneof(...schema.type.map((type) => plainValueFor({ ...schema, type }, place, hint)));
  }
  switch (schema.type) {
    case 'string':
      return stringArbitrary(schema, place);
    case 'integer':
      return integerArbitrary(schema);
    case 'number':
      return fc.double({
        min: schema.minimum ?? -1e12,
        max: schema.maximum ?? 1e12,
        noNaN: true,
        noDefaultInfinity: true,
      });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const item = valueFor(schema.items ?? {}, place, hint);
      const minLength = schema.minItems ?? 0;
      const maxLength = schema.maxItems ?? 10;
      return fc.oneof(
        { weight: 3, arbitrary: fc.array(item, { minLength, maxLength: Math.min(maxLength, 5) }) },
        { weight: 1, arbitrary: fc.array(item, { minLength: maxLength, maxLength }) },
      );
    }
    case 'object':
      return objectArbitrary(schema, place, hint);
    default:
      throw new Error(`no arbitrary for schema ${JSON.stringify(schema).slice(0, 200)}`);
  }
}
