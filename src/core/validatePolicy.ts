import { problemAt, type DocPath, type Problem, type SourceFile } from './problem.js';
import { checkProviderSettings } from './checkProviderSettings.js';
import { compileFreezeWindow } from './guardrails/compileFreezeWindow.js';
import { suggest } from './suggest.js';
import { isValidTimeZone, parseDuration } from './time/index.js';
import type { Guardrail, Policy, Resource } from './types.js';

/**
 * Checks the meaning of access.yml beyond its schema: durations and time zones parse, provider
 * settings fit the provider, ticket patterns compile, and every guardrail names existing resources
 * without letting one environment's grant cover another.
 */
export function validatePolicy(source: SourceFile<Policy>): Problem[] {
  const policy = source.data;
  const problems: Problem[] = [];
  const duration = (path: DocPath, value: string | undefined) => {
    if (value !== undefined && parseDuration(value) === undefined) {
      problems.push(
        problemAt(source, path, 'policy-duration', `"${value}" is not a duration longer than zero`),
      );
    }
  };
  const zone = (path: DocPath, value: string | undefined) => {
    if (value !== undefined && !isValidTimeZone(value)) {
      const hint = value.includes('/') ? '' : ', such as Europe/Berlin or UTC';
      problems.push(problemAt(source, path, 'policy-timezone', `"${value}" is not an IANA time zone${hint}`));
    }
  };
  duration(['defaults', 'max_duration'], policy.defaults?.max_duration);
  zone(['defaults', 'timezone'], policy.defaults?.timezone);
  duration(['settings', 'request_ttl'], policy.settings?.request_ttl);
  duration(['settings', 'warn_before'], policy.settings?.warn_before);
  for (const [name, resource] of Object.entries(policy.resources)) {
    const at = ['resources', name];
    duration([...at, 'max_duration'], resource.max_duration);
    zone([...at, 'timezone'], resource.timezone);
    duration([...at, 'emergency', 'max_duration'], resource.emergency?.max_duration);
    resource.auto_approve?.forEach((rule, i) =>
      duration([...at, 'auto_approve', i, 'max_duration'], rule.max_duration),
    );
    problems.push(
      ...checkProviderSettings(source, name, resource),
      ...checkResourceRules(source, name, resource),
    );
  }
  for (const [environment, guardrail] of Object.entries(policy.guardrails ?? {})) {
    duration(['guardrails', environment, 'max_deploys', 'per'], guardrail.max_deploys?.per);
    guardrail.freeze?.forEach((window, i) => {
      const path = ['guardrails', environment, 'freeze', i];
      zone([...path, 'timezone'], window.timezone);
      const compiled = compileFreezeWindow(window, policy.defaults?.timezone);
      if ('error' in compiled && isValidTimeZone(window.timezone ?? policy.defaults?.timezone ?? 'UTC')) {
        problems.push(
          problemAt(source, path, 'policy-freeze', `freeze window "${window.name}": ${compiled.error}`),
        );
      }
    });
    problems.push(...checkGuardrailResources(source, environment, guardrail));
  }
  return problems;
}

function checkResourceRules(source: SourceFile<Policy>, name: string, resource: Resource): Problem[] {
  const problems: Problem[] = [];
  const at = ['resources', name];
  if (resource.ticket_pattern !== undefined) {
    try {
      new RegExp(resource.ticket_pattern, 'u');
    } catch (error) {
      problems.push(
        problemAt(
          source,
          [...at, 'ticket_pattern'],
          'policy-ticket-pattern',
          `ticket_pattern is not a valid regular expression: ${(error as Error).message}`,
        ),
      );
    }
  }
  const emergency = parseDuration(resource.emergency?.max_duration ?? '');
  const max = parseDuration(resource.max_duration ?? source.data.defaults?.max_duration ?? '8h');
  if (emergency !== undefined && max !== undefined && emergency > max) {
    problems.push(
      problemAt(
        source,
        [...at, 'emergency', 'max_duration'],
        'policy-emergency-too-long',
        "an emergency grant may not last longer than the resource's max_duration",
      ),
    );
  }
  const roles = resource.roles;
  resource.auto_approve?.forEach((rule, i) =>
    rule.roles?.forEach((role, j) => {
      if (roles && !roles.includes(role)) {
        problems.push(
          problemAt(
            source,
            [...at, 'auto_approve', i, 'roles', j],
            'policy-unknown-role',
            `role "${role}" is not one of ${name}'s roles: ${roles.join(', ')}`,
          ),
        );
      }
    }),
  );
  return problems;
}

function checkGuardrailResources(
  source: SourceFile<Policy>,
  environment: string,
  guardrail: Guardrail,
): Problem[] {
  const problems: Problem[] = [];
  const resources = source.data.resources;
  guardrail.require_grant?.forEach((name, i) => {
    const path = ['guardrails', environment, 'require_grant', i];
    const resource = Object.hasOwn(resources, name) ? resources[name] : undefined;
    if (!resource) {
      const hint = suggest(name, Object.keys(resources));
      problems.push(
        problemAt(
          source,
          path,
          'policy-unknown-resource',
          `resource "${name}" is not defined under resources` + (hint ? `; did you mean "${hint}"?` : ''),
        ),
      );
    } else if (resource.provider === 'environment' && resource.environment !== environment) {
      problems.push(
        problemAt(
          source,
          path,
          'policy-segmentation',
          `${name} grants deploys to environment "${resource.environment}", so it cannot allow deploys to "${environment}"; keep environments apart`,
        ),
      );
    }
  });
  return problems;
}
