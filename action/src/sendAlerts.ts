import type { Decision } from '../../src/core/guardrails/index.js';
import type { Guardrail } from '../../src/core/types.js';

/** How long one alert delivery may take before it is given up. */
export const ALERT_TIMEOUT_MS = 5_000;

/** A Slack-compatible message (`text` for any incoming webhook, `blocks` for Slack's layout). */
export function alertMessage(
  decision: Decision,
  runUrl: string | undefined,
): { text: string; blocks: unknown[] } {
  const failed = decision.rules.find((r) => r.outcome === 'fail');
  const head = `grantops ${decision.decision} a deploy to ${decision.environment} by ${decision.actor} (${decision.reason_code})${decision.emergency ? ' using an EMERGENCY grant' : ''}`;
  const text = [head, failed?.message, runUrl].filter(Boolean).join('\n');
  const context = [
    `events: ${decision.alerts.join(', ')}`,
    `at ${decision.at}`,
    ...(runUrl ? [`<${runUrl}|workflow run>`] : []),
  ];
  return {
    text,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: [head, failed?.message].filter(Boolean).join('\n') } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: context.join(' · ') }] },
    ],
  };
}

/**
 * Posts the decision's alert events to the webhook whose URL is in the environment variable named by
 * the guardrail's `alert.webhook_env`. Delivery is best effort: a missing variable, a non-2xx
 * answer, a network error or a timeout is reported through `warn` and never thrown.
 */
export async function sendAlerts(params: {
  decision: Decision;
  guardrail: Guardrail | undefined;
  env: Readonly<Record<string, string | undefined>>;
  runUrl: string | undefined;
  fetch: typeof fetch;
  warn: (message: string) => void;
  info: (message: string) => void;
  /** Hides the URL (a secret) from the log. */
  mask: (secret: string) => void;
}): Promise<void> {
  const { decision, guardrail, env, warn } = params;
  if (decision.alerts.length === 0) return;
  const name = guardrail?.alert?.webhook_env;
  if (!name) {
    params.info(
      `alerts ${decision.alerts.join(', ')} raised, but no guardrail alert.webhook_env is set; none sent`,
    );
    return;
  }
  const url = env[name];
  if (!url) {
    warn(
      `alert.webhook_env names ${name}, but the step has no such variable: add \`env: { ${name}: \${{ secrets.${name} }} }\` to the step`,
    );
    return;
  }
  params.mask(url);
  try {
    const response = await params.fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(alertMessage(decision, params.runUrl)),
      signal: AbortSignal.timeout(ALERT_TIMEOUT_MS),
    });
    await response.body?.cancel().catch(() => {});
    if (response.ok) params.info(`alert sent (${decision.alerts.join(', ')}) to the webhook in ${name}`);
    else
      warn(
        `the alert webhook in ${name} answered HTTP ${response.status}; the alert was not delivered (the check goes on)`,
      );
  } catch (error) {
    const reason =
      (error as Error).name === 'TimeoutError'
        ? `no answer within ${ALERT_TIMEOUT_MS / 1000}s`
        : (error as Error).message;
    warn(
      `the alert webhook in ${name} could not be reached (${reason}); the alert was not delivered (the check goes on)`,
    );
  }
}
