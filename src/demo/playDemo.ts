import { decodeRecord } from '../core/lifecycle/index.js';
import { formatUtc, parseRfc3339 } from '../core/time/index.js';
import { openPullRequest, review } from '../github/openPullRequest.js';
import { manualClock } from './manualClock.js';
import type { Person } from './people.js';
import { GRANTS_REPO, ORG, startWorld, type World } from './startWorld.js';

const R = `${ORG}/${GRANTS_REPO}`;
const HOUR = 3_600_000;
/** Monday 30 November 2026, 09:00 UTC: outside the example policy's freeze windows. */
export const DEMO_START = parseRfc3339('2026-11-30T09:00:00Z')!;

/** Writes one line of the timeline. */
export type Say = (line: string) => void;

const grant = (grantee: string, resource: string, until: number, extra = '') =>
  `grantee: ${grantee}\nresource: ${resource}\nreason: "INC-4242: replication lag on the primary"\nticket: INC-4242\nexpires: ${formatUtc(until)}\n${extra}`;

/**
 * Plays the grantops lifecycle against the loopback emulator with the real App, and narrates it:
 * requests, checks, approvals (and refused ones), merge, apply, a deploy passed and one blocked,
 * the expiry warning, the revocation. Returns what it checked, so a caller can fail loudly.
 */
export async function playDemo(say: Say): Promise<{ ok: boolean; failures: string[] }> {
  const world = await startWorld({ clock: manualClock(DEMO_START) });
  const failures: string[] = [];
  const at = () => formatUtc(world.clock.now()).slice(11, 16);
  const line = (text: string) => say(`[${at()}] ${text}`);
  const expect = (ok: boolean, what: string) => {
    if (!ok) failures.push(what);
    line(`${ok ? '✔' : '✘'} ${what}`);
  };
  try {
    say(
      `grantops demo: the App and a loopback GitHub (${world.gh.url}), acme/${GRANTS_REPO} seeded from examples/grants-repo\n`,
    );
    await requests(world, line, expect);
    await deploys(world, line, expect);
    await expiry(world, line, expect);
    const calls = world.gh.requests.filter((r) => r.actor === 'grantops[bot]').length;
    expect(
      world.gh.unknownRoutes.length === 0 && world.gh.errors.length === 0,
      `every call the App made (${calls}) was a real GitHub route`,
    );
  } finally {
    await world.close();
  }
  return { ok: failures.length === 0, failures };
}

async function requests(world: World, line: Say, expect: (ok: boolean, what: string) => void) {
  const { gh, repo } = world;
  const open = async (who: Person, file: string, text: string, extra: Record<string, string> = {}) => {
    const number = await openPullRequest(world.as(who), repo, {
      branch: `${who}/${file.split('/')[1]}`,
      title: `${file.split('/')[1]} for ${who}`,
      files: { [file]: text, ...extra },
    });
    await gh.waitForIdle();
    return number;
  };
  const check = (number: number) => {
    const pr = gh.pulls(R).find((p) => p.number === number)!;
    return gh.checkRuns({ repo: R, ref: pr.headSha }).at(-1);
  };
  const approve = async (who: Person, number: number) => {
    await review(world.as(who), repo, number);
    await gh.waitForIdle();
  };
  const alice = await open(
    'alice',
    'grants/prod-db/alice.yml',
    grant('alice', 'prod-db', DEMO_START + 2 * HOUR, 'role: maintainer\n'),
  );
  line(`alice asks for prod-db (maintainer) until 11:00 UTC: pull request #${alice}`);
  line(`grantops check on #${alice}: ${check(alice)?.conclusion}: ${check(alice)?.title}`);
  const mallory = await open(
    'mallory',
    'grants/prod-db/mallory.yml',
    grant('mallory', 'prod-db', DEMO_START + HOUR),
    { '.github/CODEOWNERS': '* @mallory\n' },
  );
  line(
    `mallory asks for prod-db and, in the same PR, makes herself the code owner of everything: #${mallory}`,
  );
  expect(check(mallory)?.conclusion === 'failure', `grantops fails #${mallory}: ${check(mallory)?.title}`);
  await approve('mallory', alice);
  expect(
    check(alice)?.conclusion === 'action_required',
    `mallory approves #${alice}: not an owner of grants/prod-db/, nothing changes`,
  );
  await approve('dana', alice);
  line(`dana (dba-leads) approves #${alice}: ${check(alice)?.title}`);
  await approve('dave', alice);
  const merged = gh.pulls(R).find((p) => p.number === alice)!;
  expect(merged.merged, `dave (dba-leads) approves: two owners, grantops merges #${alice}`);
  const member = gh.teamMembers({ org: ORG, team: 'prod-db-admins' }).find((m) => m.login === 'alice');
  expect(member?.role === 'maintainer', `alice is now ${member?.role} of team prod-db-admins`);
  const revert = gh.pulls(R).find((p) => p.headRef === 'grantops/revoke/prod-db/alice')!;
  line(`grantops opened the scheduled reverting PR #${revert.number}: "${revert.title}"`);
  const frank = await open(
    'frank',
    'grants/deploy-production/frank.yml',
    grant('frank', 'deploy-production', DEMO_START + HOUR),
  );
  line(`frank asks to deploy to production for an hour: #${frank}`);
  await approve('rita', frank);
  expect(
    gh.pulls(R).find((p) => p.number === frank)!.merged,
    `rita (release-managers) approves; #${frank} merged, frank may deploy until 10:00 UTC`,
  );
}

async function deploys(world: World, line: Say, expect: (ok: boolean, what: string) => void) {
  const { gh } = world;
  for (const actor of ['frank', 'mallory'] as const) {
    const run = gh.simulateWorkflowRun({ repo: `${ORG}/webshop`, environment: 'production', actor });
    await gh.waitForIdle();
    const state = gh.workflowRun({ repo: `${ORG}/webshop`, runId: run.runId });
    const verdict = state?.gates[0]?.state;
    const reason = /\(`([a-z_]+)`\)/.exec(state?.gates[0]?.reviews.at(-1)?.comment ?? '')?.[1];
    expect(
      verdict === (actor === 'frank' ? 'approved' : 'rejected'),
      `${actor} deploys webshop to production: the protection rule ${verdict} it (${reason})`,
    );
  }
}

async function expiry(world: World, line: Say, expect: (ok: boolean, what: string) => void) {
  const { gh, clock, app } = world;
  clock.set(DEMO_START + 105 * 60_000);
  await app.sweep();
  await gh.waitForIdle();
  const revert = gh.pulls(R).find((p) => p.headRef === 'grantops/revoke/prod-db/alice')!;
  expect(
    gh.comments({ repo: R, number: revert.number }).some((c) => c.body.includes('@alice your access')),
    `sweep: alice is warned on #${revert.number} that prod-db ends in 15 minutes`,
  );
  clock.set(DEMO_START + 2 * HOUR);
  await app.sweep();
  await gh.waitForIdle();
  const member = gh
    .teamMembers({ org: ORG, team: 'prod-db-admins' })
    .find((m) => m.login === 'alice' && m.state === 'active');
  expect(member === undefined, 'sweep at 11:00: alice is no longer in prod-db-admins');
  const after = gh.pulls(R).find((p) => p.number === revert.number)!;
  expect(after.merged, `reverting PR #${revert.number} merged: grants/prod-db/alice.yml is gone from main`);
  line(
    `record on #${revert.number}: ${JSON.stringify(decodeRecord(after.body), ['state', 'before', 'granted', 'appliedAt', 'revokedAt', 'approvers'])}`,
  );
}
