import type { State } from './state/state.js';
import type { App, Repo } from './state/types.js';
import type { DeliveryRecord } from './webhooks.js';

/** A webhook to queue for one App: the event, its body, and the ordering key (one queue per repo). */
export interface OutgoingWebhook {
  app: App;
  event: string;
  action: string | null;
  installationId: number | null;
  repositoryId: number | null;
  payload: Record<string, unknown>;
  queueKey: string;
}

/** What handlers, operations and renderers share: the state, the clock, the URL and the webhook outlet. */
export interface Core {
  state: State;
  /** Base URL of the emulator (no trailing slash), used in every `url` field. */
  url: string;
  /** Current time (injectable for tests). */
  now: () => Date;
  /** Queues one webhook delivery. */
  deliver: (webhook: OutgoingWebhook) => void;
  /** Delivery attempts so far (for `/app/hook/deliveries`). */
  deliveries: () => DeliveryRecord[];
  /** Queues a redelivery of a recorded delivery (same GUID and body). */
  redeliver: (id: number) => void;
}

/** GitHub's timestamp format: ISO 8601 in UTC, without milliseconds. */
export function timestamp(core: Core): string {
  return core
    .now()
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z');
}

/** `https://github.com`-style page URL on the emulator (there is no HTML; links only need to be stable). */
export function htmlUrl(core: Core, path: string): string {
  return `${core.url}/${path.replace(/^\//, '')}`;
}

/** Base API URL of a repository. */
export function repoUrl(core: Core, repo: Repo): string {
  return `${core.url}/repos/${repo.owner}/${repo.name}`;
}
