import { openPullRequest, review } from '../../src/github/openPullRequest.js';
import type { Person } from '../../src/demo/people.js';
import type { World } from '../../src/demo/startWorld.js';
import { formatUtc } from '../../src/core/time/index.js';

export const R = 'acme/access-grants';
export const HOUR = 3_600_000;

/** A grant file's text. */
export function grantText(grantee: string, resource: string, expiresAt: number, extra = ''): string {
  return `grantee: ${grantee}\nresource: ${resource}\nreason: "INC-4242: replication lag on the primary"\nticket: INC-4242\nexpires: ${formatUtc(expiresAt)}\n${extra}`;
}

/** Opens a request PR as `who` and waits for grantops' reaction. */
export async function request(
  world: World,
  who: Person,
  file: string,
  text: string,
  branch = `${who}/${file.replace(/\W+/g, '-')}`,
): Promise<number> {
  const number = await openPullRequest(world.as(who), world.repo, {
    branch,
    title: `access: ${file}`,
    files: { [file]: text },
  });
  await world.gh.waitForIdle();
  return number;
}

/** Reviews as each person in turn, waiting for grantops after each. */
export async function approveAs(world: World, number: number, ...people: Person[]): Promise<void> {
  for (const person of people) {
    await review(world.as(person), world.repo, number);
    await world.gh.waitForIdle();
  }
}

export const pull = (world: World, number: number) => world.gh.pulls(R).find((p) => p.number === number)!;
export const revertPull = (world: World, branch: string) =>
  world.gh.pulls(R).find((p) => p.headRef === branch && p.state === 'open');
export const teamLogins = (world: World, team: string) =>
  world.gh
    .teamMembers({ org: 'acme', team })
    .filter((m) => m.state === 'active')
    .map((m) => `${m.login}:${m.role}`);

/** Runs one sweep and waits for the webhooks it causes. */
export async function sweep(world: World) {
  const report = await world.app.sweep();
  await world.gh.waitForIdle();
  return report;
}

/** Every request the App made was a real GitHub route the emulator served without a bug. */
export function expectCleanRun(world: World): void {
  if (world.gh.unknownRoutes.length > 0)
    throw new Error(`unknown routes: ${JSON.stringify(world.gh.unknownRoutes)}`);
  if (world.gh.errors.length > 0)
    throw new Error(`emulator errors: ${world.gh.errors.map((e) => e.message).join('; ')}`);
}

/** Turns off merge-on-approval in the seeded policy (people merge), without webhooks. */
export function disableAppMerge(world: World): void {
  const seeded = world.gh.readFile({ repo: R, path: 'access.yml' })!;
  const from = 'merge: { enabled: true, method: squash }';
  if (!seeded.includes(from)) throw new Error(`the seeded access.yml no longer has "${from}"`);
  const policy = seeded.replace(from, 'merge: { enabled: false }');
  world.gh.commit({
    repo: R,
    branch: 'main',
    files: { 'access.yml': policy },
    message: 'people merge requests',
    author: 'sam',
    silent: true,
  });
}
