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
}

export function encodeIdentity(identity: CheckRunIdentity): string {
  return `pusher=${identity.pusher ?? ''};annotations=${identity.annotations}`;
}

export function decodeIdentity(externalId: string | undefined): CheckRunIdentity {
  const fields = new Map((externalId ?? '').split(';').map((part) => part.split('=', 2) as [string, string]));
  const pusher = fields.get('pusher');
  return { pusher: pusher ? pusher : undefined, annotations: fields.get('annotations') ?? '' };
}

/** A short stable digest of a set of annotations. */
export function digestAnnotations(annotations: readonly Annotation[]): string {
  return createHash('sha256').update(JSON.stringify(annotations)).digest('hex').slice(0, 16);
}
