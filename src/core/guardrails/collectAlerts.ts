import { ALERT_EVENTS, type AlertEvent, type Guardrail } from '../types.js';

/**
 * The alert events a decision raises, in `ALERT_EVENTS` order, filtered by the guardrail's
 * `alert.on` (default `[blocked]`): `blocked` or `allowed`, `sensitive` when an allowed deploy runs a
 * sensitive command, `emergency` whenever an emergency grant is in force.
 */
export function collectAlerts(params: {
  guardrail?: Guardrail;
  allowed: boolean;
  sensitive: boolean;
  emergency: boolean;
}): AlertEvent[] {
  const on = new Set<AlertEvent>(params.guardrail?.alert?.on ?? ['blocked']);
  const raised: Record<AlertEvent, boolean> = {
    blocked: !params.allowed,
    allowed: params.allowed,
    sensitive: params.allowed && params.sensitive,
    emergency: params.emergency,
  };
  return ALERT_EVENTS.filter((event) => raised[event] && on.has(event));
}
