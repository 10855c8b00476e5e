import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A webhook the receiver got, with whether its signature verified against the secret. */
export interface Received {
  event: string;
  delivery: string;
  action: string | undefined;
  headers: IncomingHttpHeaders;
  body: string;
  payload: Record<string, unknown>;
  signatureValid: boolean;
}

/** A stand-in for the App's webhook endpoint that verifies GitHub's HMAC signature. */
export async function startReceiver(secret: string, respond: (r: Received) => number = () => 200) {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(body).digest('hex')}`);
      const got = Buffer.from(String(req.headers['x-hub-signature-256'] ?? ''));
      const payload = JSON.parse(body) as Record<string, unknown>;
      const r: Received = {
        event: String(req.headers['x-github-event']),
        delivery: String(req.headers['x-github-delivery']),
        action: typeof payload['action'] === 'string' ? payload['action'] : undefined,
        headers: req.headers,
        body,
        payload,
        signatureValid: got.length === expected.length && timingSafeEqual(got, expected),
      };
      received.push(r);
      res.writeHead(respond(r)).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/github/webhooks`;
  return {
    url,
    received,
    events: () => received.map((r) => (r.action ? `${r.event}.${r.action}` : r.event)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
