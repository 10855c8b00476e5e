import { describe, expect, it } from 'vitest';
import { ALERT_TIMEOUT_MS, alertMessage, sendAlerts } from '../../action/src/sendAlerts.js';
import type { Decision } from '../../src/core/guardrails/index.js';
import type { Guardrail } from '../../src/core/types.js';

const decision: Decision = {
  schema_version: 1,
  decision: 'blocked',
  allowed: false,
  reason_code: 'freeze_active',
  environment: 'production',
  actor: 'alice',
  at: '2026-11-28T10:00:00Z',
  emergency: false,
  rules: [
    {
      rule: 'freeze',
      mode: 'enforce',
      outcome: 'fail',
      code: 'freeze_active',
      message: 'production is frozen',
    },
  ],
  alerts: ['blocked'],
};
const guardrail: Guardrail = { alert: { webhook_env: 'ALERT_HOOK', on: ['blocked'] } };
const URL_ = 'https://hooks.example/T000/B000/secret';

async function send(params: {
  fetch: typeof fetch;
  env?: Record<string, string>;
  decision?: Decision;
  guardrail?: Guardrail;
}) {
  const log = { warnings: [] as string[], info: [] as string[], masked: [] as string[] };
  await sendAlerts({
    decision: params.decision ?? decision,
    guardrail: 'guardrail' in params ? params.guardrail : guardrail,
    env: params.env ?? { ALERT_HOOK: URL_ },
    runUrl: 'https://github.com/acme/web/actions/runs/42',
    fetch: params.fetch,
    warn: (m) => void log.warnings.push(m),
    info: (m) => void log.info.push(m),
    mask: (s) => void log.masked.push(s),
  });
  return log;
}

describe('sendAlerts', () => {
  it('posts a Slack-compatible message to the URL in the variable named by alert.webhook_env', async () => {
    const calls: { url: string; init: RequestInit | undefined }[] = [];
    const log = await send({
      fetch: async (url, init) => {
        calls.push({ url: String(url), init });
        return new Response('ok', { status: 200 });
      },
    });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.url).toBe(URL_);
    expect(calls[0]?.init).toMatchObject({ method: 'POST', headers: { 'content-type': 'application/json' } });
    const body = JSON.parse(String(calls[0]?.init?.body)) as { text: string; blocks: unknown[] };
    expect(body).toEqual(alertMessage(decision, 'https://github.com/acme/web/actions/runs/42'));
    expect(body.text).toBe(
      'grantops blocked a deploy to production by alice (freeze_active)\nproduction is frozen\nhttps://github.com/acme/web/actions/runs/42',
    );
    expect(log).toEqual({
      warnings: [],
      info: ['alert sent (blocked) to the webhook in ALERT_HOOK'],
      masked: [URL_],
    });
  });

  it.each([
    ['a non-2xx answer', async () => new Response('no', { status: 500 }), 'answered HTTP 500'],
    [
      'a network error',
      async () => Promise.reject(new TypeError('fetch failed')),
      'could not be reached (fetch failed)',
    ],
    [
      'a timeout',
      async () =>
        Promise.reject(new DOMException('The operation was aborted due to timeout', 'TimeoutError')),
      `could not be reached (no answer within ${ALERT_TIMEOUT_MS / 1000}s)`,
    ],
  ] as const)('logs %s as a warning and never throws', async (_what, fetchImpl, message) => {
    const log = await send({ fetch: fetchImpl as typeof fetch });
    expect(log.warnings).toEqual([expect.stringContaining(message)]);
    expect(log.warnings[0]).not.toContain(URL_);
  });

  it('gives up after the timeout, waiting for no slow webhook', async () => {
    let signal: AbortSignal | undefined;
    await send({
      fetch: async (_url, init) => {
        signal = init?.signal ?? undefined;
        return new Response('ok');
      },
    });
    expect(signal).toBeInstanceOf(AbortSignal);
  });

  it('tells how to pass the variable when the step lacks it, and sends nothing', async () => {
    const log = await send({ fetch: () => Promise.reject(new Error('not called')), env: {} });
    expect(log.warnings).toEqual([
      'alert.webhook_env names ALERT_HOOK, but the step has no such variable: add `env: { ALERT_HOOK: ${{ secrets.ALERT_HOOK }} }` to the step',
    ]);
  });

  it('sends nothing when there is nothing to alert or nowhere to send it', async () => {
    const never = () => Promise.reject(new Error('not called'));
    expect(await send({ fetch: never, decision: { ...decision, alerts: [] } })).toEqual({
      warnings: [],
      info: [],
      masked: [],
    });
    expect((await send({ fetch: never, guardrail: undefined })).info[0]).toContain(
      'no guardrail alert.webhook_env is set',
    );
  });
});
