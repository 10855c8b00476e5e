import { createHmac, randomUUID } from 'node:crypto';
import type { OutgoingWebhook } from './core.js';
import type { App } from './state/types.js';

/** One delivery attempt of a webhook, as recorded (GitHub's "Recent Deliveries"). */
export interface DeliveryRecord {
  /** Numeric id of this attempt (`GET /app/hook/deliveries`). */
  id: number;
  /** The `X-GitHub-Delivery` GUID; redeliveries keep the original's. */
  guid: string;
  event: string;
  action: string | null;
  appId: number;
  installationId: number | null;
  repositoryId: number | null;
  redelivery: boolean;
  deliveredAt: string;
  durationMs: number;
  /** HTTP status of the App's answer; 0 when there was no answer. */
  statusCode: number;
  /** `OK`, `Invalid HTTP Response: 500`, or why nothing was delivered. */
  status: string;
  url: string | null;
  requestHeaders: Record<string, string>;
  body: string;
  payload: Record<string, unknown>;
  responseBody: string;
}

interface Job {
  app: App;
  guid: string;
  event: string;
  action: string | null;
  installationId: number | null;
  repositoryId: number | null;
  body: string;
  redelivery: boolean;
  queueKey: string;
}

/** Options of the delivery queue. */
export interface WebhookQueueOptions {
  now: () => Date;
  nextId: () => number;
  /** How long to wait for the App's answer (GitHub: 10 s). */
  timeoutMs?: number;
}

/** HMAC signature headers of a body, as GitHub signs deliveries with the webhook secret. */
export function signatureHeaders(secret: string, body: string): Record<string, string> {
  return {
    'x-hub-signature': `sha1=${createHmac('sha1', secret).update(body).digest('hex')}`,
    'x-hub-signature-256': `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`,
  };
}

/**
 * Delivers webhooks to each App's webhook URL, in order, one at a time per queue key (repository),
 * records every attempt, and can redeliver one with the same GUID and body.
 */
export class WebhookQueue {
  private readonly records: DeliveryRecord[] = [];
  private readonly chains = new Map<string, Promise<void>>();
  private inFlight = 0;

  constructor(private readonly options: WebhookQueueOptions) {}

  /** Queues a new delivery. */
  enqueue(webhook: OutgoingWebhook): void {
    this.schedule({
      app: webhook.app,
      guid: randomUUID(),
      event: webhook.event,
      action: webhook.action,
      installationId: webhook.installationId,
      repositoryId: webhook.repositoryId,
      body: JSON.stringify(webhook.payload),
      redelivery: false,
      queueKey: webhook.queueKey,
    });
  }

  /** Delivers a recorded delivery again (same GUID and body); resolves with the new attempt. */
  async redeliver(idOrGuid: number | string, apps: Map<number, App>): Promise<DeliveryRecord> {
    const original = this.records.find((r) => r.id === idOrGuid || r.guid === idOrGuid);
    const app = original && apps.get(original.appId);
    if (!original || !app) throw new Error(`emulator: no delivery ${String(idOrGuid)} to redeliver`);
    const before = this.records.length;
    this.schedule({ ...original, app, redelivery: true, queueKey: `redeliver:${original.guid}` });
    await this.idle();
    return this.records.slice(before).find((r) => r.guid === original.guid) as DeliveryRecord;
  }

  /** Every attempt so far, oldest first. */
  list(): DeliveryRecord[] {
    return [...this.records];
  }

  /** Deliveries queued or in flight. */
  pending(): number {
    return this.inFlight;
  }

  /** Resolves once every queued delivery has been attempted. */
  async idle(): Promise<void> {
    while (this.inFlight > 0) await Promise.all([...this.chains.values()]);
  }

  private schedule(job: Job): void {
    this.inFlight++;
    const previous = this.chains.get(job.queueKey) ?? Promise.resolve();
    const next = previous.then(() => this.send(job)).finally(() => this.inFlight--);
    this.chains.set(job.queueKey, next);
  }

  private async send(job: Job): Promise<void> {
    const headers: Record<string, string> = {
      accept: '*/*',
      'content-type': 'application/json',
      'user-agent': 'GitHub-Hookshot/emulator',
      'x-github-event': job.event,
      'x-github-delivery': job.guid,
      'x-github-hook-id': String(job.app.id),
      'x-github-hook-installation-target-id': String(job.app.id),
      'x-github-hook-installation-target-type': 'integration',
      ...signatureHeaders(job.app.webhookSecret, job.body),
    };
    const started = Date.now();
    let statusCode = 0;
    let status: string;
    let responseBody = '';
    const url = job.app.webhookUrl;
    if (!url) status = 'No webhook URL configured';
    else {
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers,
          body: job.body,
          signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
        });
        statusCode = response.status;
        responseBody = (await response.text()).slice(0, 4000);
        status = response.ok ? 'OK' : `Invalid HTTP Response: ${response.status}`;
      } catch (error) {
        status =
          error instanceof Error && error.name === 'TimeoutError'
            ? 'timed out'
            : `failed to connect: ${String(error)}`;
      }
    }
    this.records.push({
      id: this.options.nextId(),
      guid: job.guid,
      event: job.event,
      action: job.action,
      appId: job.app.id,
      installationId: job.installationId,
      repositoryId: job.repositoryId,
      redelivery: job.redelivery,
      deliveredAt: this.options.now().toISOString(),
      durationMs: Date.now() - started,
      statusCode,
      status,
      url,
      requestHeaders: headers,
      body: job.body,
      payload: JSON.parse(job.body) as Record<string, unknown>,
      responseBody,
    });
  }
}
