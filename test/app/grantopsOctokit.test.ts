import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { grantopsOctokit } from '../../src/app/grantopsOctokit.js';

const servers: { close: () => void }[] = [];
afterEach(() => servers.splice(0).forEach((s) => s.close()));

/** A loopback server answering each request with the next handler. */
async function serve(...handlers: ((req: IncomingMessage, res: ServerResponse) => void)[]) {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    (handlers[hits.length - 1] ?? handlers[handlers.length - 1]!)(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits };
}

const json =
  (status: number, body: object, headers: Record<string, string> = {}) =>
  (_req: IncomingMessage, res: ServerResponse) =>
    res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));

describe("grantops' GitHub client policy", () => {
  it('aborts a request that hangs and retries it', async () => {
    const { url, hits } = await serve(
      (_req, res) => setTimeout(() => json(200, { late: true })(_req, res), 1000),
      json(200, { ok: true }),
    );
    const Client = grantopsOctokit({
      throttle: false,
      retries: 2,
      retryBaseMs: 5,
      rateLimitRetries: 0,
      timeoutMs: 200,
    });
    const { data } = await new Client({ baseUrl: url, auth: 'x' } as never).request('GET /x');
    expect(data).toEqual({ ok: true });
    expect(hits).toEqual(['GET /x', 'GET /x']);
  });

  it('retries a 502, but never a 422 (GitHub refused: retrying cannot help)', async () => {
    const flaky = await serve(json(502, { message: 'Bad Gateway' }), json(200, { ok: true }));
    const Client = grantopsOctokit({ throttle: false, retries: 2, retryBaseMs: 5, rateLimitRetries: 0 });
    expect((await new Client({ baseUrl: flaky.url, auth: 'x' } as never).request('PUT /y')).data).toEqual({
      ok: true,
    });
    const invalid = await serve(json(422, { message: 'Validation Failed' }));
    await expect(
      new Client({ baseUrl: invalid.url, auth: 'x' } as never).request('PUT /y'),
    ).rejects.toMatchObject({ status: 422 });
    expect(invalid.hits).toHaveLength(1);
  });

  it('waits out a secondary rate limit and retries, a bounded number of times', async () => {
    const limited = json(
      403,
      {
        message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
      },
      { 'retry-after': '1' },
    );
    const { url, hits } = await serve(limited, json(200, { ok: true }));
    const Client = grantopsOctokit({ throttle: true, retries: 0, retryBaseMs: 5, rateLimitRetries: 1 });
    const started = Date.now();
    expect((await new Client({ baseUrl: url, auth: 'x' } as never).request('GET /z')).data).toEqual({
      ok: true,
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(hits).toHaveLength(2);
    const always = await serve(limited);
    await expect(
      new Client({ baseUrl: always.url, auth: 'x' } as never).request('GET /z'),
    ).rejects.toMatchObject({ status: 403 });
    expect(always.hits).toHaveLength(2);
  }, 15_000);
});
