import { notFound } from '../http.js';
import { paginate } from '../pagination.js';
import type { RouteDef } from '../router.js';
import type { DeliveryRecord } from '../webhooks.js';
import { requireApp } from './apps.js';
import { numParam, ok, route } from './define.js';

function summary(d: DeliveryRecord): Record<string, unknown> {
  return {
    id: d.id,
    guid: d.guid,
    delivered_at: d.deliveredAt,
    redelivery: d.redelivery,
    duration: d.durationMs / 1000,
    status: d.status,
    status_code: d.statusCode,
    event: d.event,
    action: d.action,
    installation_id: d.installationId,
    repository_id: d.repositoryId,
    throttled_at: null,
  };
}

/** The App webhook's delivery log and redelivery, as `octokit.rest.apps.*WebhookDelivery*` use them. */
export const hookDeliveriesRoutes: RouteDef[] = [
  route('GET', '/app/hook/deliveries', (ctx) => {
    const app = requireApp(ctx.actor);
    const list = ctx.core
      .deliveries()
      .filter((d) => d.appId === app.id)
      .reverse();
    const page = paginate({ items: list, query: ctx.query, url: ctx.core.url, path: ctx.path });
    return ok(page.items.map(summary), page.headers);
  }),
  route('GET', '/app/hook/deliveries/{delivery_id}', (ctx) => {
    const app = requireApp(ctx.actor);
    const d = ctx.core.deliveries().find((x) => x.id === numParam(ctx, 'delivery_id') && x.appId === app.id);
    if (!d) throw notFound();
    return ok({
      ...summary(d),
      url: d.url,
      request: { headers: d.requestHeaders, payload: d.payload },
      response: { headers: {}, payload: d.responseBody },
    });
  }),
  route('POST', '/app/hook/deliveries/{delivery_id}/attempts', (ctx) => {
    const app = requireApp(ctx.actor);
    const d = ctx.core.deliveries().find((x) => x.id === numParam(ctx, 'delivery_id') && x.appId === app.id);
    if (!d) throw notFound();
    ctx.core.redeliver(d.id);
    return { status: 202, body: {} };
  }),
];
