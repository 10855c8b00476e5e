import { formatUtc } from './time/index.js';
import type { Grant } from './types.js';

/** What someone asks for with `grantops request`. */
export interface GrantRequest {
  resource: string;
  grantee: string;
  durationMs: number;
  reason: string;
  ticket?: string;
  role?: string;
  /** Scheduled start; the duration counts from here. */
  startsAt?: number;
  emergency?: boolean;
}

/** Builds the grant a request describes, lasting `durationMs` from its start (or from now). */
export function buildGrant(request: GrantRequest, now: number): Grant {
  const from = request.startsAt ?? now;
  const grant: Grant = {
    grantee: request.grantee,
    resource: request.resource,
    reason: request.reason,
    expires: formatUtc(from + request.durationMs),
  };
  if (request.role !== undefined) grant.role = request.role;
  if (request.ticket !== undefined) grant.ticket = request.ticket;
  if (request.startsAt !== undefined) grant.starts = formatUtc(request.startsAt);
  if (request.emergency) grant.emergency = true;
  return grant;
}

/** A file name that is unique per grantee and minute and sorts by time: `alice-20261128t0900`. */
export function grantFileName(grant: Grant, now: number): string {
  const stamp = formatUtc(now).replace(/[-:]/g, '').slice(0, 13).toLowerCase();
  return `${grant.grantee.toLowerCase()}-${stamp}`;
}
