/**
 * The AWS Lambda entry (docs/serverless.md): `webhooks` serves GitHub's deliveries behind a function
 * URL or API Gateway, `sweep` is invoked by an EventBridge schedule. Nothing runs at import: each
 * handler reads its settings and builds the App on its first invocation, then keeps it for the
 * life of the container.
 * @packageDocumentation
 */
import { createSweepHandler } from './sweepHandler.js';
import { createWebhookHandler } from './webhookHandler.js';

export const webhooks = createWebhookHandler({ env: process.env });
export const sweep = createSweepHandler({ env: process.env });

export { createWebhookHandler, type WebhookHandler, type LambdaContext } from './webhookHandler.js';
export { createSweepHandler, type SweepHandler } from './sweepHandler.js';
export type { LambdaOptions } from './createLambdaApp.js';
export type { LambdaHttpEvent, LambdaHttpResult } from './readWebhookRequest.js';
