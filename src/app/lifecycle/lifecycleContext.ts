import type { Logger } from 'pino';
import type { SchemaValidator } from '../../config/schemaValidator.js';
import type { RecordSeal } from '../../core/lifecycle/index.js';
import type { GitHubPort, RepoId } from '../../github/port.js';
import type { ProviderClient } from './providerFor.js';
import type { KeyedLock } from '../keyedLock.js';

/** Everything the lifecycle (apply, revoke, sweep) works with for one grants repository. */
export interface LifecycleContext {
  port: GitHubPort;
  /** The installation's Octokit, for the providers (team memberships, collaborators). */
  providerClient: ProviderClient;
  repo: RepoId;
  defaultBranch: string;
  /** The installation's account: the default `org` of github-team resources. */
  org: string;
  /** Where webhook secrets are read from (`secret_env`). */
  env: Readonly<Record<string, string | undefined>>;
  now: () => number;
  log: Pick<Logger, 'info' | 'warn' | 'error' | 'debug'>;
  lock: KeyedLock;
  validator: SchemaValidator;
  /** Seals the grant records the App writes, and checks the ones it reads. */
  seal: RecordSeal;
  /** Asks for a sweep just after an instant, when a timer runs in this process. */
  wakeAt?: (epochMs: number) => void;
}
