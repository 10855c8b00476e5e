import { afterEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../../src/emulator/index.js';
import { outcome } from './status.js';
import { seedAppWorld } from './world.js';

let gh: Emulator | undefined;
let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  expect(gh?.errors ?? []).toEqual([]);
  expect(gh?.unknownRoutes ?? []).toEqual([]);
  await cleanup?.();
  await gh?.close();
  gh = undefined;
});

const annotation = (line: number) => ({
  path: 'grants/prod-db/bob.yml',
  start_line: line,
  end_line: line,
  annotation_level: 'failure' as const,
  message: `bad ${line}`,
});

describe('check runs', () => {
  it('creates, updates (appending annotations, 50 per request) and lists by name', async () => {
    const w = await seedAppWorld();
    gh = w.gh;
    cleanup = w.receiver.close;
    const sha = gh.resolve({ repo: 'acme/access', ref: 'main' }) as string;
    const app = w.asInstallation;
    const run = await app.rest.checks.create({
      ...w.repo,
      name: 'grantops',
      head_sha: sha,
      status: 'in_progress',
      output: {
        title: 'Checking',
        summary: 'wip',
        annotations: Array.from({ length: 50 }, (_, i) => annotation(i + 1)),
      },
    });
    expect(run.status).toBe(201);
    expect(run.data).toMatchObject({
      name: 'grantops',
      head_sha: sha,
      status: 'in_progress',
      conclusion: null,
      app: { slug: 'grantops' },
    });
    const tooMany = await outcome(
      app.rest.checks.update({
        ...w.repo,
        check_run_id: run.data.id,
        output: {
          title: 't',
          summary: 's',
          annotations: Array.from({ length: 51 }, (_, i) => annotation(i)),
        },
      }),
    );
    expect(tooMany).toMatchObject({
      status: 422,
      data: { message: 'Invalid request.\n\nNo more than 50 items are allowed; 51 were supplied.' },
    });
    const done = await app.rest.checks.update({
      ...w.repo,
      check_run_id: run.data.id,
      conclusion: 'failure',
      output: { title: 'Invalid', summary: '1 error', annotations: [annotation(99)] },
    });
    expect(done.data).toMatchObject({
      status: 'completed',
      conclusion: 'failure',
      output: { title: 'Invalid', annotations_count: 51 },
    });
    gh.createCheckRun({ repo: 'acme/access', ref: 'main', name: 'ci' });
    const listed = await app.rest.checks.listForRef({ ...w.repo, ref: 'main', check_name: 'grantops' });
    expect(listed.data.total_count).toBe(1);
    expect(listed.data.check_runs[0]?.id).toBe(run.data.id);
    expect((await app.rest.checks.listForRef({ ...w.repo, ref: sha })).data.total_count).toBe(2);
    expect(
      gh.checkRuns({ repo: 'acme/access', ref: 'main' }).find((r) => r.name === 'grantops')?.annotations,
    ).toHaveLength(51);
    const userCreate = await outcome(
      w.as('alice').rest.checks.create({ ...w.repo, name: 'x', head_sha: sha }),
    );
    expect(userCreate.status).toBe(403);
  });
});

describe('issues, comments and labels', () => {
  it('comments as the bot, edits, deletes, and labels with implicit label creation', async () => {
    const w = await seedAppWorld();
    gh = w.gh;
    cleanup = w.receiver.close;
    gh.commit({ repo: 'acme/access', branch: 'r', files: { a: 'b' }, message: 'm', author: 'bob' });
    await w.as('bob').rest.pulls.create({ ...w.repo, title: 't', head: 'r', base: 'main' });
    const app = w.asInstallation;
    const comment = await app.rest.issues.createComment({
      ...w.repo,
      issue_number: 1,
      body: '<!-- grantops -->\nhello',
    });
    expect(comment.data).toMatchObject({
      user: { login: 'grantops[bot]', type: 'Bot' },
      body: '<!-- grantops -->\nhello',
    });
    await app.rest.issues.updateComment({ ...w.repo, comment_id: comment.data.id, body: 'edited' });
    await w.as('carol').rest.issues.createComment({ ...w.repo, issue_number: 1, body: 'lgtm' });
    const comments = await app.rest.issues.listComments({ ...w.repo, issue_number: 1 });
    expect(comments.data.map((c) => [c.user?.login, c.body])).toEqual([
      ['grantops[bot]', 'edited'],
      ['carol', 'lgtm'],
    ]);
    expect(
      (await outcome(w.as('bob').rest.issues.deleteComment({ ...w.repo, comment_id: comment.data.id })))
        .status,
    ).toBe(403);
    expect((await app.rest.issues.deleteComment({ ...w.repo, comment_id: comment.data.id })).status).toBe(
      204,
    );
    const labels = await app.rest.issues.addLabels({
      ...w.repo,
      issue_number: 1,
      labels: ['grantops:request', 'prod-db'],
    });
    expect(labels.data.map((l) => [l.name, l.color])).toEqual([
      ['grantops:request', 'ededed'],
      ['prod-db', 'ededed'],
    ]);
    expect(
      (await app.rest.issues.removeLabel({ ...w.repo, issue_number: 1, name: 'prod-db' })).data.map(
        (l) => l.name,
      ),
    ).toEqual(['grantops:request']);
    expect(
      (await outcome(app.rest.issues.removeLabel({ ...w.repo, issue_number: 1, name: 'prod-db' }))).data,
    ).toMatchObject({ message: 'Label does not exist' });
    expect((await app.rest.issues.listLabelsForRepo(w.repo)).data.map((l) => l.name)).toEqual([
      'grantops:request',
      'prod-db',
    ]);
    expect((await app.rest.issues.get({ ...w.repo, issue_number: 1 })).data.labels).toHaveLength(1);
    await gh.waitForIdle();
    expect(w.receiver.events().filter((e) => /^(issue_comment|pull_request\.(un)?labeled)/.test(e))).toEqual([
      'issue_comment.created',
      'issue_comment.edited',
      'issue_comment.created',
      'issue_comment.deleted',
      'pull_request.labeled',
      'pull_request.labeled',
      'pull_request.unlabeled',
    ]);
    const labeled = w.receiver.received.find((r) => r.action === 'labeled')?.payload;
    expect(labeled).toMatchObject({
      label: { name: 'grantops:request' },
      pull_request: { number: 1 },
      sender: { login: 'grantops[bot]' },
    });
    const commented = w.receiver.received.find((r) => r.event === 'issue_comment')?.payload;
    expect(commented).toMatchObject({
      issue: { number: 1, pull_request: expect.any(Object) },
      comment: { user: { login: 'grantops[bot]' } },
    });
  });
});
