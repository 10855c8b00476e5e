import { verify } from 'node:crypto';
import type { App } from './state/types.js';
import { unauthorized, type HttpError } from './http.js';

interface JwtParts {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  signed: Buffer;
  signature: Buffer;
}

function decodeSegment(segment: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Splits a compact JWS; undefined when it is not one. */
export function parseJwt(token: string): JwtParts | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const [h, p, s] = parts as [string, string, string];
  const header = decodeSegment(h);
  const payload = decodeSegment(p);
  if (!header || !payload) return undefined;
  return { header, payload, signed: Buffer.from(`${h}.${p}`), signature: Buffer.from(s, 'base64url') };
}

/**
 * Verifies an App JWT the way GitHub does: RS256 signed by the App's key, `iss` naming the App
 * (id or client id), `exp` in the future and at most 10 minutes after `iat`.
 * Returns the App, or the 401 GitHub would answer.
 * @see https://docs.github.com/apps/creating-github-apps/authenticating-with-a-github-app/generating-a-json-web-token-jwt-for-a-github-app
 */
export function verifyAppJwt(params: {
  token: string;
  apps: Iterable<App>;
  nowSeconds: number;
}): App | HttpError {
  const jwt = parseJwt(params.token);
  if (!jwt || jwt.header['alg'] !== 'RS256') return unauthorized('A JSON web token could not be decoded');
  const iss = jwt.payload['iss'];
  const app = [...params.apps].find((a) => String(a.id) === String(iss) || a.clientId === iss);
  if (!app) return unauthorized("'Issuer' claim ('iss') must be an Integer");
  if (!verify('RSA-SHA256', jwt.signed, app.publicKey, jwt.signature))
    return unauthorized('A JSON web token could not be decoded');
  const exp = jwt.payload['exp'];
  const iat = jwt.payload['iat'];
  if (typeof exp !== 'number' || exp <= params.nowSeconds)
    return unauthorized(
      "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires",
    );
  if (typeof iat !== 'number' || iat > params.nowSeconds + 60)
    return unauthorized(
      "'Issued at' claim ('iat') must be an Integer representing the time that the assertion was issued",
    );
  if (exp - iat > 600) return unauthorized("'Expiration time' claim ('exp') is too far in the future");
  return app;
}
