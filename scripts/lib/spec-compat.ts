// The compatibility rules of the contract: compares two bundled OpenAPI documents operation by
// operation (matched by method + path, and by operationId, so renaming either is seen) and says,
// in sentences, what each change does to a client written against the older one. Requests and
// responses are judged in opposite directions: a request may accept more, a response may not
// promise less. See docs/adr/0009-breaking-change-gate.md.

type Json = Record<string, unknown>;
const METHODS = ['get', 'put', 'post', 'patch', 'delete', 'head', 'options'] as const;

/** breaking blocks (unless the major version moves); warning and deprecated are reported. */
export type Level = 'breaking' | 'warning' | 'deprecated' | 'addition' | 'change';

export interface Finding {
  level: Level;
  /** A stable name for the class of change, e.g. `request-max-lowered`. */
  rule: string;
  /** `GET /api/v1/products (listProducts)`, or `(contract)` for document-wide changes. */
  operation: string;
  /** One sentence with the before and the after. */
  message: string;
  /** Why reviewers accepted this break without a new major (accepted-breaks.yaml). */
  reason?: string;
}

interface Op {
  key: string;
  method: string;
  path: string;
  id: string;
  op: Json;
  item: Json;
  label: string;
}

const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const show = (v: unknown): string => (typeof v === 'string' ? `'${v}'` : JSON.stringify(v));

function resolver(doc: Json) {
  return function deref(value: unknown): Json {
    let current = value;
    for (let hops = 0; hops < 50; hops += 1) {
      if (!isObject(current) || typeof current['$ref'] !== 'string') return (current ?? {}) as Json;
      const ref = current['$ref'];
      if (!ref.startsWith('#/')) throw new Error(`external $ref ${ref}: compare bundled documents`);
      current = ref
        .slice(2)
        .split('/')
        .map((k) => k.replaceAll('~1', '/').replaceAll('~0', '~'))
        .reduce<unknown>((node, k) => (isObject(node) ? node[k] : undefined), doc);
    }
    throw new Error('$ref cycle');
  };
}

/** Path templates compared without their parameter names: /a/{id} and /a/{productId} match. */
const shape = (p: string): string => p.replace(/\{[^}]+\}/g, '{}');

function operationsOf(doc: Json): Op[] {
  const ops: Op[] = [];
  for (const [path, item] of Object.entries((doc['paths'] ?? {}) as Record<string, Json>)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!isObject(op)) continue;
      const id = typeof op['operationId'] === 'string' ? op['operationId'] : '';
      const label = `${method.toUpperCase()} ${path}${id ? ` (${id})` : ''}`;
      ops.push({ key: `${method} ${shape(path)}`, method, path, id, op, item, label });
    }
  }
  return ops;
}

/** x-sunset as a date, or undefined; an unparsable one counts as no sunset. */
export function sunsetOf(node: Json): Date | undefined {
  const raw = node['x-sunset'];
  if (typeof raw !== 'string' && !(raw instanceof Date)) return undefined;
  const date = new Date(raw);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** `The request body` + `items[].quantity` → `The property 'items[].quantity' of the request body`. */
const named = (subject: string, path: string): string =>
  path === '' ? subject : `The property '${path}' of ${lower(subject)}`;
const lower = (text: string): string => text.replace(/^The /, 'the ');
/** `maximum` + `The query parameter 'limit'` → `The maximum of the query parameter 'limit'`. */
const of = (attribute: string, what: string): string => `The ${attribute} of ${lower(what)}`;

/** Whether any operation of a document uses an extension. */
function documents(doc: Json, extension: string): boolean {
  return operationsOf(doc).some((o) => extension in o.op);
}

const day = (d: Date): string => d.toISOString().slice(0, 10);

class Comparison {
  readonly findings: Finding[] = [];
  private readonly baseRef: (v: unknown) => Json;
  private readonly revRef: (v: unknown) => Json;
  private readonly base: Json;
  private readonly rev: Json;
  private readonly today: Date;

  constructor(base: Json, rev: Json, today: Date) {
    this.base = base;
    this.rev = rev;
    this.today = today;
    this.baseRef = resolver(base);
    this.revRef = resolver(rev);
  }

  private add(level: Level, rule: string, operation: string, message: string): void {
    this.findings.push({ level, rule, operation, message });
  }

  /** Removing something deprecated is allowed once its sunset date has passed. */
  private removal(node: Json, rule: string, operation: string, what: string): void {
    const sunset = sunsetOf(node);
    if (node['deprecated'] === true && sunset && sunset <= this.today) {
      this.add('change', rule, operation, `${what} was removed after its sunset (${day(sunset)}).`);
    } else if (node['deprecated'] === true) {
      const when = sunset ? `its sunset is ${day(sunset)}` : 'it has no x-sunset date';
      this.add('breaking', rule, operation, `${what} was removed before its sunset: ${when}.`);
    } else {
      this.add('breaking', rule, operation, `${what} was removed.`);
    }
  }

  run(): void {
    const baseOps = operationsOf(this.base);
    const revOps = operationsOf(this.rev);
    const revByKey = new Map(revOps.map((o) => [o.key, o]));
    const revById = new Map(revOps.filter((o) => o.id).map((o) => [o.id, o]));
    const matched = new Set<Op>();
    for (const b of baseOps) {
      const byKey = revByKey.get(b.key);
      const byId = b.id ? revById.get(b.id) : undefined;
      if (byKey) {
        matched.add(byKey);
        if (b.id !== byKey.id)
          this.add(
            'breaking',
            'operation-id-renamed',
            b.label,
            `The operationId changed from '${b.id}' to '${byKey.id}' (generated SDK method names change).`,
          );
        this.operation(b, byKey);
      } else if (byId) {
        matched.add(byId);
        const moved = b.method === byId.method ? 'path-renamed' : 'method-changed';
        this.add(
          'breaking',
          moved,
          b.label,
          `The operation moved from ${b.method.toUpperCase()} ${b.path} to ${byId.method.toUpperCase()} ${byId.path}; clients still call the old one.`,
        );
        this.operation(b, byId);
      } else {
        this.removal(b.op, 'operation-removed', b.label, 'The operation');
      }
    }
    for (const r of revOps.filter((o) => !matched.has(o)))
      this.add('addition', 'operation-added', r.label, 'New operation.');
  }

  private operation(b: Op, r: Op): void {
    const where = r.label;
    if (b.op['deprecated'] !== true && r.op['deprecated'] === true) {
      const sunset = sunsetOf(r.op);
      this.add(
        'deprecated',
        'operation-deprecated',
        where,
        `The operation is deprecated${sunset ? `; it may be removed after ${day(sunset)}` : ' (no x-sunset date)'}.`,
      );
    }
    this.security(b, r, where);
    this.parameters(b, r, where);
    this.requestBody(b, r, where);
    this.responses(b, r, where);
  }

  private security(b: Op, r: Op, where: string): void {
    const publicOf = (doc: Json, op: Json): boolean => {
      const sec = (op['security'] ?? doc['security'] ?? []) as Json[];
      return sec.length === 0 || sec.some((req) => Object.keys(req).length === 0);
    };
    const [wasPublic, isPublic] = [publicOf(this.base, b.op), publicOf(this.rev, r.op)];
    if (wasPublic && !isPublic)
      this.add(
        'breaking',
        'operation-made-non-public',
        where,
        'The operation was public and now needs a bearer token.',
      );
    else if (!wasPublic && isPublic)
      this.add('change', 'operation-made-public', where, 'The operation no longer needs a token.');
    const [before, after] = [b.op['x-permission'], r.op['x-permission']];
    // A release written before x-permission existed (ADR 0008) states no permissions to compare.
    if (before !== after && after !== undefined && !documents(this.base, 'x-permission'))
      this.add(
        'change',
        'permission-documented',
        where,
        `The operation documents its permission ${show(after)} (the older contract documented none).`,
      );
    else if (before !== after && after !== undefined)
      this.add(
        'breaking',
        'permission-added',
        where,
        before === undefined
          ? `The operation now needs the permission ${show(after)}.`
          : `The operation's permission changed from ${show(before)} to ${show(after)}.`,
      );
    const [limitsBefore, limitsAfter] = [
      (b.op['x-rate-limits'] ?? []) as string[],
      (r.op['x-rate-limits'] ?? []) as string[],
    ];
    const newLimits = !documents(this.base, 'x-rate-limits')
      ? []
      : limitsAfter.filter((l) => !limitsBefore.includes(l));
    if (newLimits.length > 0)
      this.add(
        'warning',
        'rate-limit-added',
        where,
        `New rate limit ${newLimits.map(show).join(', ')}: clients may now get 429.`,
      );
  }

  private params(doc: Json, o: Op): Map<string, Json> {
    const deref = doc === this.base ? this.baseRef : this.revRef;
    const all = [
      ...((o.item['parameters'] ?? []) as unknown[]),
      ...((o.op['parameters'] ?? []) as unknown[]),
    ];
    const out = new Map<string, Json>();
    for (const raw of all) {
      const p = deref(raw);
      const name = String(p['name']);
      // Header names are case-insensitive; a path parameter is known by its position in the path.
      const key =
        p['in'] === 'header' ? `header ${name.toLowerCase()}` : `${String(p['in'])} ${name}`;
      out.set(
        p['in'] === 'path'
          ? `path #${[...out.keys()].filter((k) => k.startsWith('path')).length}`
          : key,
        p,
      );
    }
    return out;
  }

  private parameters(b: Op, r: Op, where: string): void {
    const [before, after] = [this.params(this.base, b), this.params(this.rev, r)];
    for (const [key, p] of before) {
      const q = after.get(key);
      const what = `The ${String(p['in'])} parameter '${String(p['name'])}'`;
      if (!q) {
        if (p['in'] !== 'path') this.removal(p, 'parameter-removed', where, what);
        continue;
      }
      if (p['required'] !== true && q['required'] === true)
        this.add(
          'breaking',
          'parameter-became-required',
          where,
          `${what} was optional and is now required.`,
        );
      else if (p['required'] === true && q['required'] !== true)
        this.add('change', 'parameter-became-optional', where, `${what} is now optional.`);
      this.schema(this.baseRef(p['schema']), this.revRef(q['schema']), 'request', where, what);
      if (b.op['deprecated'] !== true && p['deprecated'] !== true && q['deprecated'] === true)
        this.add('deprecated', 'parameter-deprecated', where, `${what} is deprecated.`);
    }
    for (const [key, q] of after) {
      if (before.has(key)) continue;
      const what = `The ${String(q['in'])} parameter '${String(q['name'])}'`;
      if (q['required'] === true)
        this.add('breaking', 'required-parameter-added', where, `${what} is new and required.`);
      else this.add('addition', 'parameter-added', where, `${what} is new and optional.`);
    }
  }

  private requestBody(b: Op, r: Op, where: string): void {
    const [before, after] = [this.baseRef(b.op['requestBody']), this.revRef(r.op['requestBody'])];
    const [hadBody, hasBody] = [isObject(before['content']), isObject(after['content'])];
    if (!hadBody && !hasBody) return;
    if (!hadBody) {
      if (after['required'] === true)
        this.add(
          'breaking',
          'request-body-added',
          where,
          'The operation now requires a request body.',
        );
      else
        this.add(
          'addition',
          'request-body-added',
          where,
          'The operation accepts an optional request body.',
        );
      return;
    }
    if (!hasBody) {
      this.add('breaking', 'request-body-removed', where, 'The request body was removed.');
      return;
    }
    if (before['required'] !== true && after['required'] === true)
      this.add(
        'breaking',
        'request-body-became-required',
        where,
        'The request body was optional and is now required.',
      );
    this.content(
      before['content'] as Json,
      after['content'] as Json,
      'request',
      where,
      'The request body',
    );
  }

  private content(before: Json, after: Json, side: Side, where: string, what: string): void {
    for (const [type, media] of Object.entries(before)) {
      const next = after[type];
      if (!isObject(next)) {
        this.add(
          'breaking',
          `${side}-media-type-removed`,
          where,
          `${what} no longer ${side === 'request' ? 'accepts' : 'comes as'} ${type}.`,
        );
        continue;
      }
      const schemaOf = (m: unknown): unknown => (isObject(m) ? m['schema'] : undefined);
      this.schema(this.baseRef(schemaOf(media)), this.revRef(schemaOf(next)), side, where, what);
    }
    for (const type of Object.keys(after).filter((t) => !(t in before)))
      this.add('addition', `${side}-media-type-added`, where, `${what} may also be ${type}.`);
  }

  private responses(b: Op, r: Op, where: string): void {
    const before = (b.op['responses'] ?? {}) as Json;
    const after = (r.op['responses'] ?? {}) as Json;
    for (const [status, raw] of Object.entries(before)) {
      const response = this.baseRef(raw);
      if (!(status in after)) {
        // A documented error that can no longer happen breaks nobody; a success does.
        if (/^2/.test(status))
          this.removal(response, 'success-status-removed', where, `The ${status} response`);
        else
          this.add(
            'change',
            'error-status-removed',
            where,
            `The ${status} response is no longer documented.`,
          );
        continue;
      }
      const next = this.revRef(after[status]);
      const what = `The ${status} response`;
      const [hb, ha] = [(response['headers'] ?? {}) as Json, (next['headers'] ?? {}) as Json];
      const byName = (h: Json) =>
        new Map(Object.entries(h).map(([k, v]) => [k.toLowerCase(), { name: k, v }]));
      const [hbs, has] = [byName(hb), byName(ha)];
      for (const [k, { name, v }] of hbs) {
        const n = has.get(k);
        const header = this.baseRef(v);
        if (!n)
          this.removal(
            header,
            'response-header-removed',
            where,
            `The header '${name}' of ${lower(what)}`,
          );
        else
          this.schema(
            this.baseRef(header['schema']),
            this.revRef(this.revRef(n.v)['schema']),
            'response',
            where,
            `The header '${name}' of ${lower(what)}`,
          );
      }
      for (const [k, { name }] of has)
        if (!hbs.has(k))
          this.add(
            'addition',
            'response-header-added',
            where,
            `${what} has a new header '${name}'.`,
          );
      const [cb, ca] = [response['content'], next['content']];
      if (isObject(cb)) this.content(cb, isObject(ca) ? ca : {}, 'response', where, what);
      else if (isObject(ca))
        this.add('addition', 'response-body-added', where, `${what} now has a body.`);
    }
    for (const status of Object.keys(after).filter((s) => !(s in before)))
      this.add(
        /^2/.test(status) ? 'warning' : 'addition',
        'status-added',
        where,
        `The operation documents a new ${status} response.`,
      );
  }

  /**
   * One schema against its successor, in the direction of the data: `request` (what clients
   * send: the new schema must accept everything the old one did) or `response` (what clients
   * read: the new schema must promise everything the old one did).
   */
  private schema(
    b: Json,
    r: Json,
    side: Side,
    where: string,
    subject: string,
    path = '',
    depth = 0,
  ): void {
    // Bundled contracts here have no recursive schemas; the depth bound keeps one from hanging.
    if (depth > 20) return;
    const what = named(subject, path);
    const req = side === 'request';
    const types = (s: Json): Set<string> => {
      const t = s['type'];
      const list = Array.isArray(t) ? (t as string[]) : typeof t === 'string' ? [t] : [];
      if (s['nullable'] === true) list.push('null');
      return new Set(list.includes('number') ? [...list, 'integer'] : list);
    };
    const [tb, tr] = [types(b), types(r)];
    if (tb.size > 0 && tr.size > 0) {
      const widened = [...tb].every((t) => tr.has(t));
      const narrowed = [...tr].every((t) => tb.has(t));
      if (!(req ? widened : narrowed))
        this.add(
          'breaking',
          `${side}-type-changed`,
          where,
          `${of('type', what)} changed from ${show(b['type'])} to ${show(r['type'])}.`,
        );
    } else if (tb.size === 0 && tr.size > 0 && req) {
      this.add(
        'breaking',
        'request-type-changed',
        where,
        `${of('type', what)} was any and is now ${show(r['type'])}.`,
      );
    }
    // A numeric format is a range (int32: ±2^31), judged with the bounds below.
    const numeric = (f: unknown) => typeof f === 'string' && f in NUMERIC_FORMATS;
    if (b['format'] !== r['format'] && !(numeric(b['format']) || numeric(r['format']))) {
      const breaks = req ? r['format'] !== undefined : b['format'] !== undefined;
      this.add(
        breaks ? 'breaking' : 'change',
        `${side}-format-changed`,
        where,
        `${of('format', what)} changed from ${b['format'] === undefined ? 'none' : show(b['format'])} to ${r['format'] === undefined ? 'none' : show(r['format'])}.`,
      );
    }
    this.enumeration(b, r, side, where, what);
    this.limits(b, r, side, where, what);
    if (req && b['default'] !== r['default'] && b['default'] !== undefined)
      this.add(
        'breaking',
        'default-changed',
        where,
        `${of('default', what)} changed from ${show(b['default'])} to ${r['default'] === undefined ? 'none' : show(r['default'])}.`,
      );
    else if (req && b['default'] === undefined && r['default'] !== undefined)
      this.add(
        'breaking',
        'default-changed',
        where,
        `${what} now defaults to ${show(r['default'])} (it had no default).`,
      );
    this.object(b, r, side, where, subject, path, depth);
    if (isObject(b['items']) && isObject(r['items']))
      this.schema(
        this.baseRef(b['items']),
        this.revRef(r['items']),
        side,
        where,
        subject,
        `${path}[]`,
        depth + 1,
      );
    for (const k of ['allOf', 'oneOf', 'anyOf'] as const) {
      const [lb, lr] = [(b[k] ?? []) as unknown[], (r[k] ?? []) as unknown[]];
      if (lb.length === 0 && lr.length === 0) continue;
      if (lb.length !== lr.length) {
        this.add(
          'breaking',
          'schema-combinator-changed',
          where,
          `${of(k, what)} changed from ${lb.length} to ${lr.length} schemas.`,
        );
        continue;
      }
      lb.forEach((s, i) =>
        this.schema(
          this.baseRef(s),
          this.revRef(lr[i]),
          side,
          where,
          subject,
          `${path}<${k} ${i + 1}>`,
          depth + 1,
        ),
      );
    }
  }

  private enumeration(b: Json, r: Json, side: Side, where: string, what: string): void {
    const [eb, er] = [b['enum'], r['enum']];
    if (!Array.isArray(eb) && !Array.isArray(er)) return;
    if (!Array.isArray(er)) {
      if (side === 'response')
        this.add(
          'warning',
          'response-enum-removed',
          where,
          `${what} is no longer limited to ${show(eb)}.`,
        );
      return;
    }
    if (!Array.isArray(eb)) {
      if (side === 'request')
        this.add('breaking', 'request-enum-added', where, `${what} is now limited to ${show(er)}.`);
      return;
    }
    const removed = eb.filter((v) => !er.includes(v));
    const added = er.filter((v) => !eb.includes(v));
    if (side === 'request' && removed.length > 0)
      this.add(
        'breaking',
        'request-enum-value-removed',
        where,
        `${what} no longer accepts ${removed.map(show).join(', ')}.`,
      );
    if (side === 'request' && added.length > 0)
      this.add(
        'addition',
        'request-enum-value-added',
        where,
        `${what} also accepts ${added.map(show).join(', ')}.`,
      );
    if (side === 'response' && added.length > 0)
      this.add(
        'warning',
        'response-enum-value-added',
        where,
        `${what} may now be ${added.map(show).join(', ')}: clients that handle every value must learn it.`,
      );
    if (side === 'response' && removed.length > 0)
      this.add(
        'change',
        'response-enum-value-removed',
        where,
        `${what} is no longer ${removed.map(show).join(', ')}.`,
      );
  }

  private limits(b: Json, r: Json, side: Side, where: string, what: string): void {
    const uppers = ['maxLength', 'maxItems', 'maximum', 'exclusiveMaximum', 'maxProperties'];
    const lowers = ['minLength', 'minItems', 'minimum', 'exclusiveMinimum', 'minProperties'];
    for (const k of [...uppers, ...lowers]) {
      const [vb, vr] = [bound(b, k), bound(r, k)];
      if (vb === vr) continue;
      const upper = uppers.includes(k);
      // Tighter: an upper bound lowered or newly set, a lower bound raised or newly set.
      const tighter = upper
        ? vr !== undefined && (vb === undefined || vr < vb)
        : vr !== undefined && (vb === undefined || vr > vb);
      const text = `${of(WORDS[k] ?? k, what)} changed from ${vb ?? 'none'} to ${vr ?? 'none'}`;
      const rule = `${side}-${k}-${upper ? (tighter ? 'lowered' : 'raised') : tighter ? 'raised' : 'lowered'}`;
      if (side === 'request' && tighter)
        this.add('breaking', rule, where, `${text}: requests valid before are refused.`);
      else if (side === 'response' && !tighter)
        this.add('warning', rule, where, `${text}: clients that validate answers may refuse them.`);
      else this.add('change', rule, where, `${text}.`);
    }
    if (b['pattern'] !== r['pattern']) {
      if (side === 'request' && r['pattern'] !== undefined)
        this.add(
          'breaking',
          'request-pattern-changed',
          where,
          b['pattern'] === undefined
            ? `${what} must now match the pattern ${show(r['pattern'])}.`
            : `${of('pattern', what)} changed from ${show(b['pattern'])} to ${show(r['pattern'])}.`,
        );
      else
        this.add(
          'change',
          `${side}-pattern-changed`,
          where,
          `${of('pattern', what)} changed from ${show(b['pattern'] ?? 'none')} to ${show(r['pattern'] ?? 'none')}.`,
        );
    }
  }

  private object(
    b: Json,
    r: Json,
    side: Side,
    where: string,
    subject: string,
    path: string,
    depth: number,
  ): void {
    const what = named(subject, path);
    const [pb, pr] = [(b['properties'] ?? {}) as Json, (r['properties'] ?? {}) as Json];
    const [rb, rr] = [
      new Set((b['required'] ?? []) as string[]),
      new Set((r['required'] ?? []) as string[]),
    ];
    const req = side === 'request';
    const closedBefore = b['additionalProperties'] === false;
    const closedAfter = r['additionalProperties'] === false;
    if (req && !closedBefore && closedAfter)
      this.add(
        'breaking',
        'request-additional-properties-closed',
        where,
        `${what} no longer accepts properties it does not list.`,
      );
    for (const [name, raw] of Object.entries(pb)) {
      const field = named(subject, path ? `${path}.${name}` : name);
      const property = this.baseRef(raw);
      if (!(name in pr)) {
        if (!req) this.removal(property, 'response-property-removed', where, field);
        else if (closedAfter)
          this.removal(
            property,
            'request-property-removed',
            where,
            `${field} (the schema is closed, so sending it is refused)`,
          );
        else
          this.add(
            'change',
            'request-property-removed',
            where,
            `${field} is no longer documented.`,
          );
        continue;
      }
      if (req && !rb.has(name) && rr.has(name))
        this.add(
          'breaking',
          'request-property-became-required',
          where,
          `${field} was optional and is now required.`,
        );
      if (!req && rb.has(name) && !rr.has(name))
        this.add(
          'breaking',
          'response-property-became-optional',
          where,
          `${field} was always present and is now optional.`,
        );
      if (req && rb.has(name) && !rr.has(name))
        this.add('change', 'request-property-became-optional', where, `${field} is now optional.`);
      if (!req && !rb.has(name) && rr.has(name))
        this.add(
          'change',
          'response-property-became-required',
          where,
          `${field} is now always present.`,
        );
      if (property['deprecated'] !== true && this.revRef(pr[name])['deprecated'] === true) {
        const sunset = sunsetOf(this.revRef(pr[name]));
        this.add(
          'deprecated',
          'property-deprecated',
          where,
          `${field} is deprecated${sunset ? `; it may be removed after ${day(sunset)}` : ''}.`,
        );
      }
      this.schema(
        property,
        this.revRef(pr[name]),
        side,
        where,
        subject,
        path ? `${path}.${name}` : name,
        depth + 1,
      );
    }
    for (const name of Object.keys(pr).filter((n) => !(n in pb))) {
      const field = named(subject, path ? `${path}.${name}` : name);
      if (req && rr.has(name))
        this.add(
          'breaking',
          'request-required-property-added',
          where,
          `${field} is new and required.`,
        );
      else
        this.add(
          'addition',
          `${side}-property-added`,
          where,
          `${field} is new${req ? ' and optional' : ''}.`,
        );
    }
  }
}

type Side = 'request' | 'response';

const WORDS: Record<string, string> = {
  maxLength: 'maximum length',
  minLength: 'minimum length',
  maxItems: 'maximum number of items',
  minItems: 'minimum number of items',
  maxProperties: 'maximum number of properties',
  minProperties: 'minimum number of properties',
  exclusiveMaximum: 'exclusive maximum',
  exclusiveMinimum: 'exclusive minimum',
};

const NUMERIC_FORMATS: Record<string, [number, number]> = {
  int32: [-(2 ** 31), 2 ** 31 - 1],
  int64: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
};
/** Longest value of a string format or of a fixed-length pattern such as ^[A-Z]{3}$. */
const FORMAT_LENGTH: Record<string, number> = { uuid: 36 };

/**
 * The bound a schema really sets, counting what its format or pattern already implies, so that
 * spelling out an implied limit (maxLength 36 on a uuid, format int32 under maximum 1000) is
 * not mistaken for a tighter one.
 */
function bound(s: Json, key: string): number | undefined {
  const own = typeof s[key] === 'number' ? s[key] : undefined;
  let implied: number | undefined;
  const format = typeof s['format'] === 'string' ? s['format'] : '';
  const range = NUMERIC_FORMATS[format];
  if (range && key === 'maximum') implied = range[1];
  if (range && key === 'minimum') implied = range[0];
  if (key === 'maxLength') {
    implied = FORMAT_LENGTH[format];
    const fixed = /^\^(?:\[[^\]]+\]|\\d|\.)\{(?:\d+,)?(\d+)\}\$$/.exec(
      typeof s['pattern'] === 'string' ? s['pattern'] : '',
    );
    if (fixed) implied = Math.min(implied ?? Infinity, Number(fixed[1]));
  }
  if (own === undefined) return implied;
  if (implied === undefined) return own;
  const upper = key.startsWith('max') || key === 'exclusiveMaximum';
  return upper ? Math.min(own, implied) : Math.max(own, implied);
}

/** Every change between two bundled documents, judged for clients of the first. */
export function compareContracts(base: Json, revision: Json, today = new Date()): Finding[] {
  const c = new Comparison(base, revision, today);
  c.run();
  return c.findings;
}
