import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WebhookRequestBody } from '../../src/providers/webhook/webhookContract.js';
import {
  verifyGrantopsSignature,
  type SignatureCheck,
} from '../../src/providers/webhook/verifyGrantopsSignature.js';

/** One request as the receiver saw it. */
export interface ReceivedRequest {
  headers: IncomingHttpHeaders;
  raw: string;
  body: WebhookRequestBody;
  check: SignatureCheck;
}

/** An answer a test forces instead of the receiver's own behaviour. */
export interface ForcedAnswer {
  status: number;
  body?: string;
  headers?: Record<string, string>;
  delayMs?: number;
}

/** A loopback receiver implementing the contract the way docs/webhook-contract.md describes. */
export interface Receiver {
  url: string;
  requests: ReceivedRequest[];
  /** `[grantee, role]` pairs (as JSON) currently granted. */
  granted: Set<string>;
  /** How many grant or revoke calls changed state (repeats must not). */
  effects: number;
  close(): Promise<void>;
}

/**
 * Starts a receiver on 127.0.0.1 with a random port. It checks the signature (401 unless valid),
 * replays the stored answer for a repeated idempotency key, answers 409 when already in the asked
 * state, and lists members. `force` lets a test answer something else.
 */
export async function startReceiver(options: {
  secret: string;
  now?: () => number;
  force?: (request: ReceivedRequest) => ForcedAnswer | undefined;
}): Promise<Receiver> {
  const replies = new Map<string, { status: number; body: string }>();
  const state: Omit<Receiver, 'url' | 'close'> = { requests: [], granted: new Set(), effects: 0 };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const check = verifyGrantopsSignature({
        secret: options.secret,
        timestamp: req.headers['x-grantops-timestamp'] as string | undefined,
        signature: req.headers['x-grantops-signature'] as string | undefined,
        body: raw,
        now: (options.now ?? Date.now)(),
      });
      const request: ReceivedRequest = {
        headers: req.headers,
        raw,
        body: JSON.parse(raw) as WebhookRequestBody,
        check,
      };
      state.requests.push(request);
      const forced = options.force?.(request);
      if (forced) return void setTimeout(() => send(res, forced), forced.delayMs ?? 0);
      if (!check.valid) return send(res, { status: 401, body: JSON.stringify({ error: check.reason }) });
      const key = request.body.idempotency_key;
      const answer = replies.get(key) ?? handle(state, request.body);
      if (request.body.action !== 'list') replies.set(key, answer);
      send(res, answer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}/grantops`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}

function handle(
  state: Omit<Receiver, 'url' | 'close'>,
  body: WebhookRequestBody,
): { status: number; body: string } {
  const pair = JSON.stringify([body.grantee.toLowerCase(), body.role]);
  if (body.action === 'list') {
    const members = [...state.granted].map((p) => {
      const [grantee, role] = JSON.parse(p) as [string, string | null];
      return { grantee, role };
    });
    return { status: 200, body: JSON.stringify({ members }) };
  }
  const has = state.granted.has(pair);
  if (body.action === 'grant' ? has : !has) return { status: 409, body: '' };
  if (body.action === 'grant') state.granted.add(pair);
  else state.granted.delete(pair);
  state.effects++;
  return { status: 200, body: JSON.stringify({ status: body.action === 'grant' ? 'granted' : 'revoked' }) };
}

function send(res: ServerResponse, answer: ForcedAnswer): void {
  res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
  res.end(answer.body ?? '');
}
