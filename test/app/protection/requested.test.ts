import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { grantsFiles, POLICY } from './grantsFiles.js';
import { deliver, protectionHarness, requestedPayload } from './protectionHarness.js';
import { deployment, gh, recordBody, recordPull } from './protectionNock.js';

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const AFTER_FREEZE = '2026-11-25T13:00:00Z';
/** This run's own deployment (id 777, as in the payload) and one earlier deploy this hour. */
const HISTORY = [
  deployment(777, '2026-11-25T12:59:58Z', { creator: { login: 'alice' } }),
  deployment(700, '2026-11-25T12:30:00Z'),
];

beforeEach(() => {
  nock.disableNetConnect();
});
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

/** Delivers one event against the given mocks and returns the callback body. */
async function decide(options: {
  now?: string;
  payload?: Body;
  files?: Record<string, string> | number;
  history?: Body[] | null;
  status?: number;
  /** How many grant records the decision reads (alice's grant, in force: 1 by default). */
  records?: number;
}) {
  const { probot, logs } = protectionHarness({ now: options.now ?? AFTER_FREEZE });
  let answer: Body | undefined;
  const scopes = [
    gh.installationToken(),
    gh.grantsTarball(options.files ?? grantsFiles()),
    ...Array.from({ length: options.records ?? 1 }, () => gh.recordPulls()),
    ...(options.history === null ? [] : [gh.deployments(options.history ?? HISTORY)]),
    gh.callback((b) => (answer = b), options.status),
  ];
  await deliver(probot, options.payload ?? requestedPayload());
  for (const scope of scopes) expect(scope.isDone()).toBe(true);
  return { answer: answer as Body, logs };
}

describe('deployment_protection_rule.requested', () => {
  it('approves a creator who holds an active grant, outside any freeze and under max_deploys', async () => {
    const { answer, logs } = await decide({});
    expect(answer).toMatchObject({ environment_name: 'production', state: 'approved' });
    expect(answer.comment).toBe(
      '**grantops approved** @alice → `production` (`allowed`) at 2026-11-25T13:00:00Z',
    );
    expect(logs).toContainEqual(
      expect.objectContaining({
        msg: 'protection rule approve for production (answered)',
        run: 4242,
        environment: 'production',
        actor: 'alice',
        reason_code: 'allowed',
        delivery: 'answered',
      }),
    );
  });

  it.each([
    ['no grant at all', 'carol', 'no_active_grant'],
    ['a grant for another environment (staging)', 'bob', 'no_active_grant'],
  ])('rejects a creator with %s', async (_case, creator, code) => {
    const { answer } = await decide({ payload: requestedPayload({ creator }), records: 0 });
    expect(answer).toMatchObject({ environment_name: 'production', state: 'rejected' });
    expect(answer.comment).toContain(`**grantops rejected** @${creator} → \`production\` (\`${code}\`)`);
    expect(answer.comment).toContain(`- \`${code}\` [grant]: `);
    expect(answer.comment).toContain(
      `Reproduce: \`grantops check --environment production --actor ${creator} --at 2026-11-25T13:00:00Z\``,
    );
  });

  it('rejects an expired grant to the second', async () => {
    const { answer } = await decide({ now: '2026-11-25T16:00:00Z', history: [], records: 0 });
    expect(answer.state).toBe('rejected');
    expect(answer.comment).toContain('(`grant_expired`)');
  });

  it('rejects a re-run by someone without a grant, though the creator holds one', async () => {
    const { answer } = await decide({ payload: requestedPayload({ creator: 'alice', sender: 'carol' }) });
    expect(answer.state).toBe('rejected');
    expect(answer.comment).toMatch(/`no_active_grant` \[grant\]: .*carol/);
  });

  it('rejects at max_deploys, counting the history but not the deployment being decided', async () => {
    const history = [...HISTORY, deployment(701, '2026-11-25T12:10:00Z')];
    const { answer } = await decide({ history });
    expect(answer.state).toBe('rejected');
    expect(answer.comment).toContain('(`deploy_limit_reached`)');
    expect(answer.comment).toContain('2 deploys to production in the last 1h (limit 2)');
    expect(answer.comment).toContain('the next slot frees at 2026-11-25T13:10:00Z');
  });

  it('fails closed when the grants repository cannot be read, saying how to fix it', async () => {
    const { answer } = await decide({ files: 404, history: null, records: 0 });
    expect(answer.state).toBe('rejected');
    expect(answer.comment).toContain('(`policy_invalid`)');
    expect(answer.comment).toContain('cannot read the grants repository acme/access-grants');
    expect(answer.comment).toContain('install the grantops App on acme/access-grants with contents: read');
  });

  it('fails closed when access.yml is invalid', async () => {
    const files = grantsFiles({ 'access.yml': POLICY.replace('version: 1', 'version: 2') });
    const { answer } = await decide({ files, history: null, records: 0 });
    expect(answer.state).toBe('rejected');
    expect(answer.comment).toContain('(`policy_invalid`)');
    expect(answer.comment).toContain('access.yml:1');
  });

  it('rejects an environment without a guardrails entry, or approves it when policy allows', async () => {
    const qa = requestedPayload({ environment: 'qa' });
    const blocked = await decide({ payload: qa, history: null, records: 0 });
    expect(blocked.answer).toMatchObject({ environment_name: 'qa', state: 'rejected' });
    expect(blocked.answer.comment).toContain('add guardrails.qa (even `{}`)');
    const allow = POLICY.replace('resources:', 'settings: { unlisted_environments: allow }\nresources:');
    const allowed = await decide({
      payload: qa,
      files: grantsFiles({ 'access.yml': allow }),
      history: null,
      records: 0,
    });
    expect(allowed.answer).toMatchObject({ environment_name: 'qa', state: 'approved' });
  });

  it('reads the grants repository named by GRANTOPS_GRANTS_REPO', async () => {
    const { probot } = protectionHarness({
      now: AFTER_FREEZE,
      deps: { grantsRepo: { owner: 'acme-security', name: 'grants' } },
    });
    let answer: Body = {};
    const scopes = [
      gh.installationToken(),
      gh.grantsTarball(grantsFiles(), 'acme-security/grants'),
      gh.recordPulls(
        'grants/deploy-production/alice.yml',
        [
          recordPull(
            12,
            recordBody('grants/deploy-production/alice.yml', {}, undefined, 'acme-security/grants'),
          ),
        ],
        'acme-security/grants',
      ),
      gh.deployments(HISTORY),
      gh.callback((b) => (answer = b)),
    ];
    await deliver(probot, requestedPayload());
    for (const scope of scopes) expect(scope.isDone()).toBe(true);
    expect(answer.state).toBe('approved');
  });

  it('leaves the deployment waiting when GitHub fails (5xx): no answer, the sweep decides later', async () => {
    const { probot, logs } = protectionHarness({ now: AFTER_FREEZE });
    const scopes = [gh.installationToken(), gh.grantsTarball(502)];
    await expect(deliver(probot, requestedPayload())).rejects.toThrow(/reading acme\/access-grants/);
    for (const scope of scopes) expect(scope.isDone()).toBe(true);
    expect(logs.some((l) => l.level >= 50)).toBe(true);
  });

  it('answers a redelivered event harmlessly: GitHub refuses a second answer, which counts as done', async () => {
    const { probot, logs } = protectionHarness({ now: AFTER_FREEZE });
    const states: string[] = [];
    const scopes = [
      gh.installationToken(),
      gh.grantsTarball(grantsFiles()),
      gh.recordPulls(),
      gh.deployments(HISTORY),
      gh.callback((b) => states.push(b.state)),
      gh.grantsTarball(grantsFiles()),
      gh.recordPulls(),
      gh.deployments(HISTORY),
      gh.callback((b) => states.push(b.state), 422),
    ];
    await deliver(probot, requestedPayload(), 'guid-1');
    await deliver(probot, requestedPayload(), 'guid-1');
    for (const scope of scopes) expect(scope.isDone()).toBe(true);
    expect(states).toEqual(['approved', 'approved']);
    expect(logs.map((l) => l.delivery).filter(Boolean)).toEqual(['answered', 'already-answered']);
  });
});

describe('deployment_protection_rule.requested: who is checked, and what it costs', () => {
  it('rejects a re-run by a bot without a grant: a bot does not ride on the creator grant', async () => {
    const payload = requestedPayload({ creator: 'alice', sender: 'chatops[bot]', senderType: 'Bot' });
    const { answer } = await decide({ payload });
    expect(answer.state).toBe('rejected');
    expect(answer.comment).toMatch(/`no_active_grant` \[grant\]: no active grant for chatops\[bot\]/);
  });

  it('makes 4 calls per decision: grants archive, the grant record, deploy history, the answer', async () => {
    const { probot } = protectionHarness({ now: AFTER_FREEZE });
    const calls: string[] = [];
    const scopes = [
      gh.installationToken(),
      gh.grantsTarball(grantsFiles()),
      gh.recordPulls(),
      gh.deployments(HISTORY),
      gh.callback(() => {}),
    ];
    for (const scope of scopes)
      scope.on('request', (req: { method: string; path: string }) =>
        calls.push(`${req.method} ${req.path.split('?')[0]}`),
      );
    await deliver(probot, requestedPayload());
    for (const scope of scopes) expect(scope.isDone()).toBe(true);
    expect(calls.filter((c) => !c.includes('/access_tokens'))).toEqual([
      'GET /repos/acme/access-grants/tarball/HEAD',
      'GET /repos/acme/access-grants/pulls',
      'GET /repos/acme/web/deployments',
      'POST /repos/acme/web/actions/runs/4242/deployment_protection_rule',
    ]);
  });
});
