import { createHash } from 'node:crypto';
import type { Annotation } from '../github/port.js';

/** The name of grantops' check run (make it a required check in branch protection). */
export const CHECK_NAME = 'grantops';

/**
 * What a check run remembers about its head commit, in `external_id`: who pushed that commit
 * (only the push event says so, and later events — reviews — must still know it) and a digest of
 * the annotations it carries (GitHub appends annotations on update, so changed annotations need a
 * new run rather than an update).
 */
export interface CheckRunIdentity {
  pusher: string | undefined;
  annotations: string;
  /** When the request's last grant expires (epoch seconds): a sweep closes it unapproved after that. */
  expires?: number | undefined;
}

export function encodeIdentity(identity: CheckRunIdentity): string {
  const expires = identity.expires === undefined ? '' : `;expires=${identity.expires}`;
  return `pusher=${identity.pusher ?? ''};annotations=${identity.annotations}${expires}`;
}

export function decodeIdentity(externalId: string | undefined): CheckRunIdentity {
  const fields = new Map((externalId ?? '').split(';').map((part) => part.split('=', 2) as [string, string]));
  const pusher = fields.get('pusher');
  const expires = Number(fields.get('expires'));
  return {
    pusher: pusher ? pusher : undefined,
    annotations: fields.get('annotations') ?? '',
    expires: Number.isFinite(expires) && fields.has('expires') ? expires : undefined,
  };
}

/** A short stable digest of a set of annotations. */
export function digestAnnotations(annotations: readonly Annotation[]): string {
  return createHash('sha256').update(JSON.stringify(annotations)).digest('hex').slice(0, 16);
}
