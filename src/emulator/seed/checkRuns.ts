import { generateKeyPairSync } from 'node:crypto';
import { timestamp, type Core } from '../core.js';
import { emitCheckRun } from '../events/checkRun.js';
import { resolveRef } from '../ops/refs.js';
import { findApp } from '../state/state.js';
import type { CheckRun } from '../state/types.js';
import { requireRepo } from './repos.js';
import { seedApp } from './apps.js';

/** A small key for an App nobody authenticates as (the implicit CI App): cheap to generate. */
function throwawayKey(): string {
  return generateKeyPairSync('rsa', { modulusLength: 1024 })
    .privateKey.export({ type: 'pkcs1', format: 'pem' })
    .toString();
}

/** A check run reported by another App (a CI), e.g. to satisfy or fail a required check. */
export interface CheckRunSeed {
  repo: string;
  /** Commit sha or ref. */
  ref: string;
  name: string;
  status?: CheckRun['status'];
  conclusion?: string | null;
  /** App slug reporting it; `github-actions` (created on demand, not installed) when omitted. */
  app?: string;
}

export function seedCheckRun(core: Core, seed: CheckRunSeed): CheckRun {
  const repo = requireRepo(core, seed.repo);
  const headSha = resolveRef(repo, seed.ref);
  if (!headSha) throw new Error(`emulator: no commit ${seed.ref} in ${seed.repo}`);
  const slug = seed.app ?? 'github-actions';
  const app =
    findApp(core.state, slug) ?? seedApp(core, { slug, name: 'GitHub Actions', privateKey: throwawayKey() });
  const now = timestamp(core);
  const conclusion = seed.conclusion === undefined ? 'success' : seed.conclusion;
  const run: CheckRun = {
    id: core.state.nextId(),
    appId: app.id,
    name: seed.name,
    headSha,
    status: seed.status ?? (conclusion ? 'completed' : 'in_progress'),
    conclusion,
    startedAt: now,
    completedAt: conclusion ? now : null,
    output: { title: null, summary: null, text: null, annotations: [] },
    detailsUrl: null,
    externalId: null,
    actions: [],
    checkSuiteId: core.state.nextId(),
  };
  repo.checkRuns.set(run.id, run);
  return run;
}

/** Someone clicks "Re-run" on a check run: `check_run.rerequested` goes to the App that created it. */
export function rerequestCheckRun(
  core: Core,
  params: { repo: string; checkRunId: number; actor: string },
): void {
  const repo = requireRepo(core, params.repo);
  const run = repo.checkRuns.get(params.checkRunId);
  if (!run) throw new Error(`emulator: no check run ${params.checkRunId} in ${params.repo}`);
  emitCheckRun(core, { repo, run, action: 'rerequested', sender: params.actor });
}
