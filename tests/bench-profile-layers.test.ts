// The cost table of `npm run bench` (docs/BENCHMARKS.md) rests on how scripts/lib/profile-layers.ts
// shares a CPU profile's samples out to the layers of the request path: a synthetic profile
// with known stacks must come out as the method says.
import { describe, expect, test } from '@jest/globals';
import { attribute, layerOf, type CpuProfile } from '../scripts/lib/profile-layers.ts';

const root = 'file:///srv/app';
const nm = (pkg: string, file = 'index.js') => `${root}/node_modules/${pkg}/${file}`;

/** A profile from stacks (outermost first), one sample per stack. */
function profileOf(stacks: [string, string][][]): CpuProfile {
  const nodes: {
    id: number;
    callFrame: { functionName: string; url: string };
    children: number[];
  }[] = [{ id: 1, callFrame: { functionName: '(root)', url: '' }, children: [] }];
  const samples: number[] = [];
  for (const stack of stacks) {
    let parent = nodes[0]!;
    for (const [functionName, url] of stack) {
      const node = { id: nodes.length + 1, callFrame: { functionName, url }, children: [] };
      nodes.push(node);
      parent.children.push(node.id);
      parent = node;
    }
    samples.push(parent.id);
  }
  return { nodes, samples, timeDeltas: samples.map(() => 250) };
}

describe('profile-layers', () => {
  test('packages and our files map to their layer; Node internals to none', () => {
    expect(layerOf(nm('helmet', 'index.cjs'), 'helmet')).toBe('security headers (helmet)');
    expect(layerOf(`${root}/dist/src/middleware/security.js`, 'replayHelmetHeaders')).toBe(
      'security headers (helmet)',
    );
    expect(layerOf(`${root}/dist/src/middleware/security.js`, '')).toBe('CORS');
    expect(layerOf(nm('@mikro-orm/core', 'EntityManager.js'), 'findOne')).toBe('ORM (MikroORM)');
    expect(layerOf(nm('express-openapi-validator/node_modules/path-to-regexp'), 'match')).toBe(
      'contract validation (express-openapi-validator, Ajv)',
    );
    expect(layerOf(nm('express', 'lib/response.js'), 'json')).toBe('serialisation (res.json)');
    expect(layerOf(`${root}/dist/src/middleware/operations.js`, 'sendJson')).toBe(
      'serialisation (res.json)',
    );
    expect(layerOf(`${root}/dist/src/middleware/operations.js`, 'send')).toBe(
      'operation adapter (dispatch, guards, input)',
    );
    expect(layerOf(nm('express', 'lib/response.js'), 'send')).toBe(
      'Express (router, req/res helpers)',
    );
    expect(layerOf(`${root}/dist/src/middleware/access-log.js`, 'log')).toBe(
      'access log (winston)',
    );
    expect(layerOf('node:_http_outgoing', 'setHeader')).toBeUndefined();
    expect(layerOf('', 'stringify')).toBeUndefined();
  });

  test('a sample goes to the innermost known frame; the response write to Node; idle is dropped', () => {
    const express = ['handle', nm('express', 'lib/application.js')] as [string, string];
    const profile = profileOf([
      // helmet calling Node's setHeader: helmet's
      [express, ['helmet', nm('helmet', 'index.cjs')], ['setHeader', 'node:_http_outgoing']],
      // JSON.stringify (a builtin, no url) inside res.json: serialisation
      [express, ['json', nm('express', 'lib/response.js')], ['stringify', '']],
      // res.send writing to the socket: Node's HTTP server, whoever called it
      [
        express,
        ['send', nm('express', 'lib/response.js')],
        ['end', 'node:_http_outgoing'],
        ['writeUtf8String', ''],
      ],
      // no known frame at all
      [['parserOnHeadersComplete', 'node:_http_common']],
      [['(garbage collector)', '']],
      [['(idle)', '']],
    ]);
    const { samples, busy, idle } = attribute(profile);
    expect(idle).toBe(1);
    expect(busy).toBe(5);
    expect(Object.fromEntries(samples)).toEqual({
      'security headers (helmet)': 1,
      'serialisation (res.json)': 1,
      'Node HTTP server, sockets, event loop': 2,
      'garbage collector': 1,
    });
  });
});
