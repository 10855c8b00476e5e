import { pino } from 'pino';
import { PEOPLE, TEAMS, tokenOf } from './people.js';
import { GRANTS_REPO, ORG, startWorld } from './startWorld.js';

/**
 * `npm run sandbox`: the loopback GitHub and the grantops App, seeded with the example organisation,
 * running until Ctrl-C. Act as any seeded person through the same REST API as GitHub's.
 * Settings: SANDBOX_API_PORT (default 3030), SANDBOX_APP_PORT (3031), SANDBOX_SWEEP_SECONDS (10),
 * SANDBOX_EXTRA_USERS (comma-separated logins to add as organisation members), LOG_LEVEL (info).
 */
const env = process.env;
const apiPort = Number(env.SANDBOX_API_PORT ?? 3030);
const appPort = Number(env.SANDBOX_APP_PORT ?? 3031);
const sweepSeconds = Number(env.SANDBOX_SWEEP_SECONDS ?? 10);
const world = await startWorld({
  port: apiPort,
  appPort,
  sweepIntervalMs: sweepSeconds * 1000,
  log: pino({ level: env.LOG_LEVEL ?? 'info' }, pino.destination(2)),
});
const extra = (env.SANDBOX_EXTRA_USERS ?? '')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
for (const login of extra) {
  world.gh.createUser({ login, token: tokenOf(login) });
  world.gh.addOrgMember({ org: ORG, login });
}
const api = world.gh.url;
const out = (line = '') => process.stdout.write(`${line}\n`);
out(`grantops sandbox: a loopback GitHub at ${api} and the grantops App at ${world.app.url}`);
out(
  `grants repository: ${ORG}/${GRANTS_REPO} (examples/grants-repo); the App sweeps every ${sweepSeconds}s\n`,
);
out('people and their tokens (Authorization: token <token>):');
for (const [login, role] of [
  ...Object.entries(PEOPLE),
  ...extra.map((l) => [l, 'added with SANDBOX_EXTRA_USERS'] as const),
]) {
  out(`  ${login.padEnd(8)} ${tokenOf(login).padEnd(22)} ${role}`);
}
out('\nteams:');
for (const [team, members] of Object.entries(TEAMS))
  out(`  @${ORG}/${team.padEnd(21)} ${members.join(', ') || '(empty: grants add members)'}`);
out(`
try it (as alice, then the two DBA leads):
  export GITHUB_API_URL=${api} GITHUB_TOKEN=${tokenOf('alice')}
  npx grantops request prod-db --for 1h --reason "INC-1: replica lag" --ticket INC-1 --grantee alice --open-pr --repo ${ORG}/${GRANTS_REPO}
  curl -s -H "Authorization: token ${tokenOf('dana')}" -X POST ${api}/repos/${ORG}/${GRANTS_REPO}/pulls/1/reviews -d '{"event":"APPROVE"}'
  curl -s -H "Authorization: token ${tokenOf('dave')}" -X POST ${api}/repos/${ORG}/${GRANTS_REPO}/pulls/1/reviews -d '{"event":"APPROVE"}'
  curl -s -H "Authorization: token ${tokenOf('sam')}" ${api}/orgs/${ORG}/teams/prod-db-admins/members
See README.md ("The sandbox") for the whole walk-through. Ctrl-C stops everything.`);
const stop = () => void world.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
