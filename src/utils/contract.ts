// The bundled contract as the server uses it: the document for the validator, the YAML and JSON
// texts it serves, and the offline reference page with the CSP that lets its scripts run.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/** The documents the server sends as they are, or gzip-compressed to a client that accepts it. */
export type ServedDocument = 'json' | 'yaml' | 'docsHtml';

export interface Contract {
  document: Record<string, unknown>;
  /** CSP for the reference page: its inline scripts by hash, nothing from elsewhere. */
  docsCsp: string;
  /**
   * The document gzip-compressed (the reference page: 2.6 MB to about 0.7 MB), made once on
   * zlib's thread pool; the warm-up asks for all three before the server listens, so no request
   * waits for it (src/warm-up.ts).
   */
  gzipped(name: ServedDocument): Promise<Buffer>;
  /**
   * The document as it is, decompressed from the gzip for each request that does not accept
   * gzip (17 ms of zlib's thread pool for the reference page here). Only the compressed form is
   * kept once it is made: the texts themselves (3.2 MB, most of it Redoc's page) are not held
   * for the few clients that ask for them uncompressed (ADR 0027).
   */
  identity(name: ServedDocument): Promise<Buffer>;
}

export function projectRoot(from = import.meta.dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const match of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
    const body = match[1] ?? '';
    hashes.push(`'sha256-${createHash('sha256').update(body).digest('base64')}'`);
  }
  return hashes;
}

export function loadContract(dir = path.join(projectRoot(), 'generated')): Contract {
  const read = (file: string): string => readFileSync(path.join(dir, file), 'utf8');
  const json = read('openapi.json');
  const docsHtml = readFileSync(path.join(dir, 'docs.html'));
  // Checked in Chromium: the page renders fully under this policy. Two things Redoc tries are
  // blocked on purpose and fail harmlessly: its logo from cdn.redoc.ly (the <img> hides itself;
  // the page loads nothing from a CDN) and a Function() probe for running search in workers
  // (search then runs on the main thread), which would otherwise need 'unsafe-eval'.
  const docsCsp = [
    "default-src 'none'",
    `script-src ${inlineScriptHashes(docsHtml.toString('utf8')).join(' ')}`,
    // Redoc styles its components at run time.
    "style-src 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
  // Each text is held only until its gzip is made; a failed compression keeps it for the next try.
  const texts = new Map<ServedDocument, string | Buffer>([
    ['json', json],
    ['yaml', read('openapi.yaml')],
    ['docsHtml', docsHtml],
  ]);
  const compressed = new Map<ServedDocument, Promise<Buffer>>();
  const gzipped = (name: ServedDocument): Promise<Buffer> => {
    let made = compressed.get(name);
    if (made === undefined) {
      const text = texts.get(name);
      if (text === undefined) throw new Error(`${name}: neither its text nor its gzip is held`);
      made = gzipAsync(text);
      made.then(
        () => texts.delete(name),
        () => compressed.delete(name),
      );
      compressed.set(name, made);
    }
    return made;
  };
  return {
    document: JSON.parse(json) as Record<string, unknown>,
    docsCsp,
    gzipped,
    identity: async (name) => gunzipAsync(await gzipped(name)),
  };
}
