import type { InputName } from './registry.js';
import { splitCommands } from './splitCommands.js';

/** Where the grants come from. */
export type GrantsSource =
  | { kind: 'path'; path: string }
  | { kind: 'api'; owner: string; repo: string; ref: string | undefined; token: string };

/** The Action's inputs, parsed and checked. */
export interface ActionInputs {
  environment: string;
  source: GrantsSource;
  /** Reads this repository's deployments; empty when not given. */
  githubToken: string;
  commands: string[];
  terraformPlan: string | undefined;
  mode: 'enforce' | 'warn';
}

/** An input that cannot work: the step fails (or warns, in warn mode) with this message. */
export class InputError extends Error {
  override name = 'InputError';
}

/** Reads the `mode` input first, so even other input errors know whether to fail the step. */
export function readMode(getInput: (name: InputName) => string): 'enforce' | 'warn' {
  const mode = getInput('mode').trim().toLowerCase() || 'enforce';
  if (mode === 'enforce' || mode === 'warn') return mode;
  throw new InputError(`input mode is "${mode}"; set it to enforce or warn`);
}

function readSource(getInput: (name: InputName) => string, githubToken: string): GrantsSource {
  const path = getInput('grants-path').trim();
  const repo = getInput('grants-repo').trim();
  if (path && repo)
    throw new InputError('give grants-path (a checkout) or grants-repo (read through the API), not both');
  if (path) return { kind: 'path', path };
  if (!repo)
    throw new InputError(
      'no grants repository: set grants-path to a checkout of it, or grants-repo (owner/name) with a token',
    );
  const match = /^([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+)$/.exec(repo);
  if (!match) throw new InputError(`grants-repo "${repo}" is not owner/name, e.g. acme/access-grants`);
  const token = getInput('token').trim() || githubToken;
  if (!token) throw new InputError(`grants-repo ${repo} needs a token that can read it: set token`);
  const ref = getInput('grants-ref').trim();
  return { kind: 'api', owner: match[1] as string, repo: match[2] as string, ref: ref || undefined, token };
}

/**
 * Reads every input through `getInput` (the registry's names only) and checks them together.
 * Throws InputError with the fix when the inputs cannot work.
 */
export function readInputs(getInput: (name: InputName) => string): ActionInputs {
  const mode = readMode(getInput);
  const environment = getInput('environment').trim();
  if (!environment) throw new InputError('input environment is required, e.g. environment: production');
  const githubToken = getInput('github-token').trim();
  return {
    environment,
    source: readSource(getInput, githubToken),
    githubToken,
    commands: splitCommands(getInput('commands')),
    terraformPlan: getInput('terraform-plan').trim() || undefined,
    mode,
  };
}
