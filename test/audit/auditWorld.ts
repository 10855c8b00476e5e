import { createAppAuth } from '@octokit/auth-app';
import { Octokit } from '@octokit/rest';
import { startEmulator, type Emulator } from '../../src/emulator/index.js';
import { encodeRecord, LABELS, revertBranch, type GrantRecord } from '../../src/core/lifecycle/index.js';
import { APPLY_REPORT_MARKER } from '../../src/app/lifecycle/reportApplied.js';
import { gitBlobSha } from '../../src/github/gitBlobSha.js';
import { appPrivateKey, silent } from '../emulator/world.js';
import { grantRecord } from './records.js';
import { testScope } from '../helpers/testSeal.js';

/** The emulator with a settable clock, org acme, users, repo acme/access and the grantops App installed. */
export interface AuditWorld {
  gh: Emulator;
  at: (iso: string) => void;
  as: (login: string) => Octokit;
  app: Octokit;
  tokens: Record<string, string>;
}

const repo = { owner: 'acme', repo: 'access' };

/** Starts the emulator at 2026-09-01 with the accounts, repository and App an audit needs. */
export async function seedAuditWorld(): Promise<AuditWorld> {
  let now = new Date('2026-09-01T00:00:00Z');
  const gh = await startEmulator({ now: () => now });
  const tokens: Record<string, string> = {};
  for (const login of ['alice', 'bob', 'carol', 'dave']) tokens[login] = gh.createUser({ login }).token;
  gh.createOrg({
    login: 'acme',
    members: { alice: 'admin', bob: 'member', carol: 'member', dave: 'member' },
  });
  gh.createRepo({ owner: 'acme', name: 'access', files: { 'access.yml': 'version: 1\nresources: {}\n' } });
  const created = gh.createApp({ slug: 'grantops', privateKey: appPrivateKey() });
  const installation = gh.installApp({ app: 'grantops', account: 'acme' });
  const app = new Octokit({
    baseUrl: gh.url,
    log: silent,
    authStrategy: createAppAuth,
    auth: { appId: created.id, privateKey: created.privateKey, installationId: installation.id },
  });
  return {
    gh,
    at: (iso) => void (now = new Date(iso)),
    as: (login) => new Octokit({ baseUrl: gh.url, auth: tokens[login], log: silent }),
    app,
    tokens,
  };
}

/** A grant file's YAML. */
export function grantYaml(grantee: string, expires: string, extra = ''): string {
  return `grantee: ${grantee}\nresource: prod-db\nreason: "INC-7: ${grantee} needs it, =urgent"\nticket: INC-7\nexpires: ${expires}\n${extra}`;
}

/**
 * A request PR adding `file`, opened by `author`, reviewed, then merged by the App at `mergedAt`;
 * the App's apply report is posted on it (with a refusal when `refused` says why).
 */
export async function mergeRequest(
  w: AuditWorld,
  params: {
    author: string;
    file: string;
    yaml: string;
    approvers: string[];
    mergedAt: string;
    refused?: string;
  },
): Promise<{ number: number; blob: string }> {
  const branch = `request/${params.file}`;
  w.at(new Date(Date.parse(params.mergedAt) - 600_000).toISOString());
  w.gh.commit({
    repo: 'acme/access',
    branch,
    from: 'main',
    files: { [params.file]: params.yaml },
    message: 'Request',
    author: params.author,
    silent: true,
  });
  const { data: pr } = await w
    .as(params.author)
    .rest.pulls.create({ ...repo, head: branch, base: 'main', title: `Request ${params.file}` });
  for (const login of params.approvers)
    await w
      .as(login)
      .rest.pulls.createReview({ ...repo, pull_number: pr.number, event: 'APPROVE', commit_id: pr.head.sha });
  w.at(params.mergedAt);
  await w.app.rest.pulls.merge({ ...repo, pull_number: pr.number, merge_method: 'squash' });
  const line = params.refused ? `⛔ not applied: ${params.refused}` : '✅ granted';
  await w.app.rest.issues.createComment({
    ...repo,
    issue_number: pr.number,
    body: `**grantops** applied this merge:\n\n- \`${params.file}\`: ${line}\n\n${APPLY_REPORT_MARKER}`,
  });
  return { number: pr.number, blob: gitBlobSha(Buffer.from(params.yaml)) };
}

const bodyOf = (record: GrantRecord) =>
  `Scheduled revocation of ${record.resource} for @${record.grantee}.\n\n${encodeRecord(record, testScope())}`;

/** The App's scheduled reverting PR for a grant, opened at `at` with its record, labelled. */
export async function openRevert(w: AuditWorld, over: Partial<GrantRecord>, at: string): Promise<number> {
  const record = grantRecord(over);
  const branch = revertBranch(record.file);
  w.at(at);
  w.gh.commit({
    repo: 'acme/access',
    branch,
    from: 'main',
    files: { [record.file]: null },
    message: 'Revoke',
    author: 'alice',
    silent: true,
  });
  const { data: pr } = await w.app.rest.pulls.create({
    ...repo,
    head: branch,
    base: 'main',
    title: `Revoke ${record.file}`,
    body: bodyOf(record),
  });
  await w.app.rest.issues.addLabels({ ...repo, issue_number: pr.number, labels: [LABELS.revoke] });
  return pr.number;
}

/** Rewrites a reverting PR's record at `at`, as the App does after revoking. */
export async function saveRecord(
  w: AuditWorld,
  number: number,
  over: Partial<GrantRecord>,
  at: string,
): Promise<void> {
  w.at(at);
  await w.app.rest.pulls.update({ ...repo, pull_number: number, body: bodyOf(grantRecord(over)) });
}

/** Merges a pull request as `client` at `at`. */
export async function mergeAs(w: AuditWorld, client: Octokit, number: number, at: string): Promise<void> {
  w.at(at);
  await client.rest.pulls.merge({ ...repo, pull_number: number, merge_method: 'squash' });
}
