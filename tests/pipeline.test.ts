// The edge's middleware runs as one Express layer (src/middleware/pipeline.ts). It must keep
// what Express's router does for middleware mounted at '/': order, next(error), thrown errors
// and rejected promises reaching the error middleware, asynchronous next() calls. Each case is
// served by a real Express app on a loopback port.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterEach, describe, expect, test } from '@jest/globals';
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import { pipeline } from '../src/middleware/pipeline.ts';

let server: Server | undefined;

afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

/** Serves `steps` as the edge does (one pipeline, then a 404 and an error middleware). */
async function serve(steps: RequestHandler[]): Promise<{ status: number; body: string }> {
  const app = express();
  app.use(pipeline(steps));
  app.use(((_req, res) => {
    res.status(404).send('not found');
  }) as RequestHandler);
  app.use(((error: unknown, _req, res, _next) => {
    res.status(500).send(`error: ${error instanceof Error ? error.message : String(error)}`);
  }) as ErrorRequestHandler);
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server!.once('listening', resolve));
  const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/x`);
  return { status: res.status, body: await res.text() };
}

/** A step that records its name and goes on. */
const step =
  (seen: string[], name: string): RequestHandler =>
  (_req, _res, next) => {
    seen.push(name);
    next();
  };

describe('the pipeline', () => {
  test('runs its steps in order, then what is mounted after it', async () => {
    const seen: string[] = [];
    const reply = await serve([step(seen, 'a'), step(seen, 'b'), step(seen, 'c')]);
    expect(seen).toEqual(['a', 'b', 'c']);
    expect(reply).toEqual({ status: 404, body: 'not found' });
  });

  test('waits for a step that calls next() later', async () => {
    const seen: string[] = [];
    const later: RequestHandler = (_req, _res, next) => {
      setTimeout(() => {
        seen.push('later');
        next();
      }, 20);
    };
    const reply = await serve([step(seen, 'a'), later, step(seen, 'c')]);
    expect(seen).toEqual(['a', 'later', 'c']);
    expect(reply.status).toBe(404);
  });

  test('stops at a step that answers', async () => {
    const seen: string[] = [];
    const answer: RequestHandler = (_req, res) => {
      res.status(200).send('answered');
    };
    const reply = await serve([step(seen, 'a'), answer, step(seen, 'never')]);
    expect(seen).toEqual(['a']);
    expect(reply).toEqual({ status: 200, body: 'answered' });
  });

  test.each([
    [
      'next(error)',
      ((_req, _res, next) => {
        next(new Error('passed on'));
      }) as RequestHandler,
      'passed on',
    ],
    [
      'a thrown error',
      (() => {
        throw new Error('thrown');
      }) as RequestHandler,
      'thrown',
    ],
    [
      'a rejected promise',
      (async () => {
        await Promise.resolve();
        throw new Error('rejected');
      }) as RequestHandler,
      'rejected',
    ],
  ])('hands %s to the error middleware and skips the rest', async (_name, failing, message) => {
    const seen: string[] = [];
    const reply = await serve([step(seen, 'a'), failing, step(seen, 'never')]);
    expect(seen).toEqual(['a']);
    expect(reply).toEqual({ status: 500, body: `error: ${message}` });
  });

  test('hands an error thrown after an asynchronous next() to the error middleware', async () => {
    const seen: string[] = [];
    const later: RequestHandler = (_req, _res, next) => {
      setTimeout(next, 5);
    };
    const throwing: RequestHandler = () => {
      throw new Error('late');
    };
    const reply = await serve([later, throwing, step(seen, 'never')]);
    expect(seen).toEqual([]);
    expect(reply).toEqual({ status: 500, body: 'error: late' });
  });

  test("passes next('router') on as the router's own: the rest of the pipeline is skipped", async () => {
    const seen: string[] = [];
    const leave: RequestHandler = (_req, _res, next) => {
      next('router');
    };
    const reply = await serve([leave, step(seen, 'never')]);
    expect(seen).toEqual([]);
    // Express's router takes 'router' as "leave this router": the app's final handler answers.
    expect(reply.status).toBe(404);
  });
});
