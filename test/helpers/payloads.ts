import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OWNER, REPO } from './githubNock.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'webhooks');

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A real webhook payload shape (trimmed fixture) re-pointed at the test repository. */
export function payload(
  name: string,
  overrides: { pull?: Json; sender?: string; review?: Json; check_run?: Json; action?: string } = {},
): Json {
  const base = JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), 'utf8')) as Json;
  base.repository = {
    ...base.repository,
    name: REPO,
    full_name: `${OWNER}/${REPO}`,
    default_branch: 'main',
    owner: { ...base.repository.owner, login: OWNER, type: 'Organization' },
  };
  base.organization = { login: OWNER, id: 1 };
  if (overrides.sender) base.sender = { ...base.sender, login: overrides.sender };
  if (overrides.action) base.action = overrides.action;
  if (base.pull_request) {
    base.pull_request = {
      ...base.pull_request,
      base: { ...base.pull_request.base, ref: 'main' },
      ...overrides.pull,
    };
    base.number = base.pull_request.number;
  }
  if (overrides.review) base.review = { ...base.review, ...overrides.review };
  if (overrides.check_run) base.check_run = { ...base.check_run, ...overrides.check_run };
  return base;
}
