import { createLambdaApp, type LambdaOptions } from './createLambdaApp.js';
import { perContainer } from './perContainer.js';
import {
  readWebhookRequest,
  respond,
  type LambdaHttpEvent,
  type LambdaHttpResult,
} from './readWebhookRequest.js';

/** The part of Lambda's invocation context the handlers log. */
export interface LambdaContext {
  awsRequestId?: string;
}

/** A Lambda handler for GitHub webhooks behind API Gateway or a function URL. */
export type WebhookHandler = (event: LambdaHttpEvent, context?: LambdaContext) => Promise<LambdaHttpResult>;

/**
 * The webhook entry: reads the delivery, verifies its signature with the webhook secret, and runs
 * the App's handlers to completion through `probot.webhooks.verifyAndReceive` before answering
 * (Lambda freezes the container once the answer is returned). 200 `{ ok: true }` when every
 * handler succeeded; 401 for a bad signature, before anything runs; 400 for a malformed request;
 * 500 with the first handler error when one failed (GitHub shows it under Recent Deliveries).
 * The Probot instance is created on the first invocation and reused while the container is warm.
 */
export function createWebhookHandler(options: LambdaOptions): WebhookHandler {
  const app = perContainer(() => createLambdaApp(options));
  return async (event, context) => {
    const started = performance.now();
    const { probot, log: containerLog } = await app();
    const request = readWebhookRequest(event);
    if (!('id' in request)) {
      containerLog.warn(
        { awsRequestId: context?.awsRequestId, status: request.statusCode, error: request.body },
        'webhook refused',
      );
      return request;
    }
    const log = containerLog.child({
      awsRequestId: context?.awsRequestId,
      delivery: request.id,
      event: request.name,
    });
    if (!(await probot.webhooks.verify(request.body, request.signature))) {
      log.warn({ status: 401 }, 'webhook signature does not match; check WEBHOOK_SECRET');
      return respond(401, { error: 'signature does not match event payload and secret' });
    }
    try {
      JSON.parse(request.body);
    } catch {
      log.warn({ status: 400 }, 'webhook body is not JSON');
      return respond(400, { error: 'Invalid JSON' });
    }
    try {
      await probot.webhooks.verifyAndReceive({
        id: request.id,
        name: request.name,
        payload: request.body,
        signature: request.signature,
      });
    } catch (error) {
      const first = (error instanceof AggregateError ? error.errors[0] : error) as Error | undefined;
      log.error({ err: error, status: 500, durationMs: elapsed(started) }, 'webhook handler failed');
      return respond(500, { error: first ? `${first.name}: ${first.message}` : 'handler failed' });
    }
    log.info({ status: 200, durationMs: elapsed(started) }, 'webhook handled');
    return respond(200, { ok: true });
  };
}

function elapsed(started: number): number {
  return Math.round(performance.now() - started);
}
