import type { RequestLogEntry } from '../src/emulator/index.js';
import { formatUtc } from '../src/core/time/index.js';
import { revertBranch } from '../src/core/lifecycle/index.js';
import { manualClock } from '../src/demo/manualClock.js';
import { startWorld, type World } from '../src/demo/startWorld.js';
import { openPullRequest, review } from '../src/github/openPullRequest.js';

const R = 'acme/access-grants';
const T0 = Date.parse('2026-11-30T09:00:00Z');
const HOUR = 3_600_000;
const APP = 'grantops[bot]';
const isWrite = (r: RequestLogEntry) => r.method !== 'GET';

/** The App's requests while `act` runs and its webhooks settle (installation tokens left out). */
async function appCalls(world: World, act: () => Promise<unknown>): Promise<RequestLogEntry[]> {
  const start = world.gh.requests.length;
  await act();
  await world.gh.waitForIdle();
  return world.gh.requests.slice(start).filter((r) => r.actor === APP && !r.route?.includes('access_tokens'));
}

function byRoute(calls: readonly RequestLogEntry[]): string {
  const counts = new Map<string, number>();
  for (const c of calls)
    counts.set(`${c.method} ${c.route}`, (counts.get(`${c.method} ${c.route}`) ?? 0) + 1);
  return [...counts].map(([route, n]) => `      ${String(n).padStart(3)}  ${route}`).join('\n');
}

const grant = (who: string, until: number) =>
  `grantee: ${who}\nresource: prod-db\nreason: "INC-1: replica lag"\nticket: INC-1\nexpires: ${formatUtc(until)}\n`;

/**
 * One sweep before measuring: it corrects what the seeded world holds against the example's strict
 * resource (carol, seeded as a maintainer of billing-readers, stands as a member), so the measured
 * sweeps see a settled repository.
 */
async function settle(world: World): Promise<void> {
  await world.app.sweep();
  await world.gh.waitForIdle();
}

/** API calls per evaluation of a 1-grant and a 10-grant request, and per grant lifecycle. */
async function evaluationAndLifecycle(say: (line: string) => void): Promise<void> {
  const world = await startWorld({ clock: manualClock(T0) });
  try {
    await settle(world);
    for (const count of [1, 10]) {
      const files = Object.fromEntries(
        Array.from({ length: count }, (_, i) => [
          `grants/prod-db/bob-${count}-${i}.yml`,
          grant('bob', T0 + 3 * HOUR),
        ]),
      );
      const calls = await appCalls(world, () =>
        openPullRequest(world.as('bob'), world.repo, {
          branch: `bench-${count}`,
          title: `bench ${count}`,
          files,
        }),
      );
      say(
        `  evaluation of a ${count}-grant request (pull_request.opened): ${calls.length} calls, ${calls.filter((c) => !isWrite(c)).length} reads + ${calls.filter(isWrite).length} writes`,
      );
      say(byRoute(calls));
    }
    const pr = await openPullRequest(world.as('bob'), world.repo, {
      branch: 'bench-life',
      title: 'lifecycle',
      files: { 'grants/prod-db/bob.yml': grant('bob', T0 + HOUR) },
    });
    await world.gh.waitForIdle();
    await review(world.as('dana'), world.repo, pr);
    await world.gh.waitForIdle();
    const approve = await appCalls(world, () => review(world.as('dave'), world.repo, pr));
    const applyWrites = approve.filter(isWrite);
    world.clock.advance(HOUR);
    const revoke = await appCalls(world, () => world.app.sweep());
    const revokeWrites = revoke.filter(isWrite);
    say(
      `  one grant's lifecycle (github-team), writes from the last approval to the merged reverting PR: ${applyWrites.length + revokeWrites.length}`,
    );
    say(`    approve → merge → apply → reverting PR (${applyWrites.length} writes):`);
    say(byRoute(applyWrites));
    say(`    expiry sweep → revoke → merge the reverting PR (${revokeWrites.length} writes):`);
    say(byRoute(revokeWrites));
  } finally {
    await world.close();
  }
}

/** Reads of one sweep over `count` quiet grants (active, recorded, nothing due). */
async function sweepReads(count: number): Promise<{ calls: RequestLogEntry[]; ms: number }> {
  const files: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    files[`grants/deploy-staging/user-${i}.yml`] =
      `grantee: user-${i}\nresource: deploy-staging\nreason: "release train ${i}"\nexpires: ${formatUtc(T0 + 6 * HOUR)}\n`;
  }
  const world = await startWorld({ clock: manualClock(T0), extraFiles: files });
  try {
    for (const file of Object.keys(files))
      world.gh.setRef({ repo: R, ref: revertBranch(file), to: 'main', actor: 'sam', silent: true });
    await settle(world);
    const started = Date.now();
    const calls = await appCalls(world, () => world.app.sweep());
    return { calls, ms: Date.now() - started };
  } finally {
    await world.close();
  }
}

/** Time from a grant's `expires` to its access being gone, with the in-process timer (real clock). */
async function revocationLag(): Promise<number[]> {
  const world = await startWorld({ sweepIntervalMs: 60_000 });
  const lags: number[] = [];
  try {
    for (let i = 0; i < 3; i++) {
      const expiresAt = Math.ceil((Date.now() + 4000) / 1000) * 1000;
      // alice is on call: prod-db's auto_approve rule applies her 1h-or-less grant on merge
      const pr = await openPullRequest(world.as('alice'), world.repo, {
        branch: `lag-${i}`,
        title: 'lag',
        files: { [`grants/prod-db/alice-${i}.yml`]: grant('alice', expiresAt).replace('bob', 'alice') },
      });
      await world.gh.waitForIdle();
      if (!world.gh.pulls(R).find((p) => p.number === pr)?.merged)
        throw new Error('the lag grant was not auto-approved');
      while (world.gh.teamMembers({ org: 'acme', team: 'prod-db-admins' }).some((m) => m.login === 'alice'))
        await new Promise((r) => setTimeout(r, 20));
      lags.push(Date.now() - expiresAt);
    }
  } finally {
    await world.close();
  }
  return lags;
}

/** `node dist/bench/apiCalls.js`: the API-cost figures of BENCHMARKS.md. */
export async function benchApiCalls(say: (line: string) => void): Promise<void> {
  say('\nGitHub API calls (counted by the loopback emulator; installation token requests left out):');
  await evaluationAndLifecycle(say);
  for (const count of [1_000, 10_000]) {
    const { calls, ms } = await sweepReads(count);
    say(
      `  sweep of ${count} quiet grants: ${calls.length} calls (${calls.filter(isWrite).length} writes), ${ms} ms`,
    );
    say(byRoute(calls));
  }
  const lags = await revocationLag();
  say(
    `  revocation lag after expires, in-process timer armed for the expiry (3 runs): ${lags.map((l) => `${l} ms`).join(', ')} (target < 5 s)`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`)
  await benchApiCalls((line) => process.stdout.write(`${line}\n`));
