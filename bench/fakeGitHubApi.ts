import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTarball } from '../src/emulator/tarball.js';

/** A request the fake API received. */
export interface ReceivedRequest {
  method: string;
  /** Path and query, as sent. */
  url: string;
  authorization: string | undefined;
  /** The body of a POST (alerts). */
  body?: string;
}

/** What the fake serves for one repository. */
export interface FakeRepo {
  owner: string;
  repo: string;
  /** The default branch's commit and files. */
  sha: string;
  files: Record<string, string>;
  /** Deployments, newest first, as GitHub lists them (only `environment` filtering is applied). */
  deployments?: Record<string, unknown>[];
}

/** A running fake. */
export interface FakeGitHubApi {
  url: string;
  requests: ReceivedRequest[];
  close: () => Promise<void>;
}

function tarballOf(repo: FakeRepo): Buffer {
  return createTarball({
    folder: `${repo.owner}-${repo.repo}-${repo.sha.slice(0, 7)}`,
    commitSha: repo.sha,
    files: Object.entries(repo.files).map(([path, text]) => ({
      path,
      content: Buffer.from(text),
      mode: '100644',
    })),
    mtime: new Date(0),
  });
}

function route(repos: readonly FakeRepo[], req: IncomingMessage, res: ServerResponse, base: string): void {
  const url = new URL(req.url ?? '/', base);
  const json = (status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(body));
  };
  if (req.method === 'POST' && url.pathname === '/_alerts') return json(200, { ok: true });
  const m = /^\/(?:_codeload\/)?repos\/([^/]+)\/([^/]+)\/(tarball|deployments)(?:\/(.+))?$/.exec(
    url.pathname,
  );
  const repo = m && repos.find((r) => r.owner === m[1] && r.repo === m[2]);
  if (!m || !repo) return json(404, { message: 'Not Found' });
  if (m[3] === 'deployments') {
    const env = url.searchParams.get('environment');
    const list = (repo.deployments ?? []).filter((d) => env === null || d.environment === env);
    const perPage = Number(url.searchParams.get('per_page') ?? 30);
    const page = Number(url.searchParams.get('page') ?? 1);
    return json(200, list.slice((page - 1) * perPage, page * perPage));
  }
  if (url.pathname.startsWith('/_codeload/')) {
    res.writeHead(200, { 'content-type': 'application/x-gzip' });
    return void res.end(tarballOf(repo));
  }
  // Like GitHub: the API answers with a redirect to a short-lived download URL on another host.
  res.writeHead(302, { location: `${base}/_codeload${url.pathname}` });
  res.end();
}

/**
 * A tiny stand-in for the two GitHub routes the Action calls (the tarball with its redirect to a
 * codeload download, and the deployments list) and for an alert webhook (`POST /_alerts`), on
 * 127.0.0.1, recording every request. Used by the
 * Action's bundle test and by `bench/actionColdStart.ts` to count API calls per check.
 */
export async function startFakeGitHubApi(repos: readonly FakeRepo[]): Promise<FakeGitHubApi> {
  const requests: ReceivedRequest[] = [];
  let base = '';
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const received: ReceivedRequest = {
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        authorization: req.headers.authorization,
      };
      if (chunks.length > 0) received.body = Buffer.concat(chunks).toString('utf8');
      requests.push(received);
      route(repos, req, res, base);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
