import { problemAt, type Problem, type SourceFile } from './problem.js';
import type { EffectiveSettings } from './resourceSettings.js';
import { formatDuration, formatUtc, parseDuration, parseLocalDateTime, parseRfc3339 } from './time/index.js';
import type { Grant, Resource } from './types.js';

const TIME_SHAPE = /^(\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(?::\d{2})?)(\.\d+)?([Zz]|[+-]\d{2}:\d{2})?$/;

/** Why a time string is not a usable RFC 3339 timestamp, said so that a person can fix it. */
export function explainBadTime(key: string, text: string): string {
  const example = 'such as 2026-11-28T18:00:00Z';
  const match = TIME_SHAPE.exec(text);
  if (!match) return `${key} "${text}" is not an RFC 3339 time ${example}`;
  if (!parseLocalDateTime(match[1]!)) return `${key} "${text}" is not a real date and time`;
  if (!match[3]) return `${key} "${text}" has no UTC offset; add one, e.g. ${text}Z or ${text}+01:00`;
  return `${key} "${text}" is not an RFC 3339 time; write it as YYYY-MM-DDTHH:MM:SS with an offset, ${example}`;
}

/**
 * `starts` and `expires` must parse, `expires` must come after `starts`, and a grant that is not
 * yet expired may last at most the resource's maximum (the emergency cap for break-glass grants),
 * counted from `starts` or from now, whichever is later.
 */
export function checkGrantTimes(
  source: SourceFile<Grant>,
  context: { resource: Resource; settings: EffectiveSettings; now: number },
): Problem[] {
  const grant = source.data;
  const problems: Problem[] = [];
  const expiresAt = parseRfc3339(grant.expires);
  const startsAt = grant.starts === undefined ? undefined : parseRfc3339(grant.starts);
  if (expiresAt === undefined) {
    problems.push(problemAt(source, ['expires'], 'grant-time', explainBadTime('expires', grant.expires)));
  }
  if (grant.starts !== undefined && startsAt === undefined) {
    problems.push(problemAt(source, ['starts'], 'grant-time', explainBadTime('starts', grant.starts)));
  }
  if (grant.emergency && !context.resource.emergency) {
    problems.push(
      problemAt(
        source,
        ['emergency'],
        'grant-emergency-not-allowed',
        `${grant.resource} does not allow emergency grants; remove \`emergency\` or ask for an ordinary grant`,
      ),
    );
  }
  if (expiresAt === undefined || problems.length > 0) return problems;
  if (startsAt !== undefined && expiresAt <= startsAt) {
    return [
      problemAt(source, ['expires'], 'grant-expires-before-starts', 'expires must be later than starts'),
    ];
  }
  if (expiresAt <= context.now) return problems; // expired: waiting to be revoked, not an error
  const from = Math.max(startsAt ?? context.now, context.now);
  const emergency = grant.emergency && context.resource.emergency ? context.resource.emergency : undefined;
  const emergencyCap = emergency ? parseDuration(emergency.max_duration) : undefined;
  if (emergency && emergencyCap === undefined) {
    const message = `${grant.resource}'s emergency max_duration "${emergency.max_duration}" in access.yml is not a duration, so no emergency grant can be checked; fix access.yml`;
    return [problemAt(source, ['emergency'], 'grant-emergency-cap', message)];
  }
  const capMs = emergencyCap ?? context.settings.maxDurationMs;
  const capText = emergency
    ? `emergency max_duration of ${emergency.max_duration}`
    : `max_duration of ${context.settings.maxDuration}`;
  if (expiresAt - from > capMs) {
    problems.push(
      problemAt(
        source,
        ['expires'],
        'grant-too-long',
        `grant lasts ${formatDuration(expiresAt - from)} from ${formatUtc(from)}, over ${grant.resource}'s ${capText}; ` +
          `set expires to ${formatUtc(from + capMs)} or earlier`,
      ),
    );
  }
  return problems;
}
