import { LABELS } from '../../src/core/lifecycle/index.js';
import { grantYaml, mergeAs, mergeRequest, openRevert, saveRecord, type AuditWorld } from './auditWorld.js';

/** The grant file of `name` under prod-db. */
export const file = (name: string) => `grants/prod-db/${name}.yml`;

/** A lifecycle to audit: grants revoked on time, given back early, emergency, failed, refused, and out of range. */
export async function seedHistory(w: AuditWorld): Promise<Record<string, number>> {
  const n: Record<string, number> = {};
  const grant = async (
    key: string,
    p: { author: string; approvers: string[]; mergedAt: string; expires: string; record?: object },
  ) => {
    const req = await mergeRequest(w, {
      author: p.author,
      file: file(key),
      yaml: grantYaml(p.author, p.expires),
      approvers: p.approvers,
      mergedAt: p.mergedAt,
    });
    const applied = new Date(Date.parse(p.mergedAt) + 4000).toISOString().replace('.000', '');
    const record = {
      file: file(key),
      blob: req.blob,
      grantee: p.author,
      requestPr: req.number,
      requestedBy: p.author,
      approvers: p.approvers,
      expires: p.expires,
      appliedAt: applied,
      ...p.record,
    };
    n[`${key}-request`] = req.number;
    n[key] = await openRevert(w, record, new Date(Date.parse(p.mergedAt) + 5000).toISOString());
    return record;
  };
  // Out of range: revoked and merged in October; its PR retitled in November (listed, then filtered out).
  const old = await grant('dave-old', {
    author: 'dave',
    approvers: ['alice'],
    mergedAt: '2026-10-01T10:00:00Z',
    expires: '2026-10-01T18:00:00Z',
  });
  await saveRecord(
    w,
    n['dave-old']!,
    { ...old, state: 'revoked', revokedAt: '2026-10-01T18:00:00Z' },
    '2026-10-01T18:00:00Z',
  );
  await mergeAs(w, w.app, n['dave-old']!, '2026-10-01T18:00:01Z');
  w.at('2026-11-05T00:00:00Z');
  await w
    .as('alice')
    .rest.pulls.update({ owner: 'acme', repo: 'access', pull_number: n['dave-old']!, title: 'Revoke (old)' });
  // Revoked at expiry by grantops, whose clock runs 3 s ahead of GitHub's.
  const alice = await grant('alice', {
    author: 'alice',
    approvers: ['bob'],
    mergedAt: '2026-11-10T10:00:00Z',
    expires: '2026-11-10T18:00:00Z',
  });
  await saveRecord(
    w,
    n.alice!,
    { ...alice, state: 'revoked', revokedAt: '2026-11-10T18:00:00Z' },
    '2026-11-10T17:59:57Z',
  );
  await mergeAs(w, w.app, n.alice!, '2026-11-10T17:59:58Z');
  // Given back early: bob merges his reverting PR, then grantops revokes.
  const bob = await grant('bob', {
    author: 'bob',
    approvers: ['carol'],
    mergedAt: '2026-11-12T11:00:00Z',
    expires: '2026-11-12T18:00:00Z',
  });
  await mergeAs(w, w.as('bob'), n.bob!, '2026-11-12T12:00:00Z');
  await saveRecord(
    w,
    n.bob!,
    { ...bob, state: 'revoked', revokedAt: '2026-11-12T12:00:03Z' },
    '2026-11-12T12:00:03Z',
  );
  // Emergency: applied before approval, approved by alice after the fact, revoked on time.
  const carol = await grant('carol', {
    author: 'carol',
    approvers: [],
    mergedAt: '2026-11-15T08:00:00Z',
    expires: '2026-11-15T12:00:00Z',
    record: { emergency: true },
  });
  w.at('2026-11-15T09:00:00Z');
  const { data: pull } = await w.app.rest.pulls.get({
    owner: 'acme',
    repo: 'access',
    pull_number: n['carol-request']!,
  });
  await w.as('alice').rest.pulls.createReview({
    owner: 'acme',
    repo: 'access',
    pull_number: pull.number,
    event: 'APPROVE',
    commit_id: pull.head.sha,
  });
  await saveRecord(
    w,
    n.carol!,
    { ...carol, state: 'revoked', revokedAt: '2026-11-15T12:00:00Z' },
    '2026-11-15T12:00:00Z',
  );
  await mergeAs(w, w.app, n.carol!, '2026-11-15T12:00:01Z');
  // Applying failed; still open, retried by every sweep.
  await grant('dave', {
    author: 'dave',
    approvers: ['alice'],
    mergedAt: '2026-11-20T09:00:00Z',
    expires: '2026-12-20T09:00:00Z',
    record: { state: 'apply-failed', appliedAt: undefined, lastError: '=HYPERLINK("x") 502, retried' },
  });
  // Scheduled after the range: open, left out.
  await grant('alice-later', {
    author: 'alice',
    approvers: ['bob'],
    mergedAt: '2026-11-25T09:00:00Z',
    expires: '2026-12-06T09:00:00Z',
    record: { state: 'scheduled', appliedAt: undefined, starts: '2026-12-05T09:00:00Z' },
  });
  // Refused: merged by an admin without approval.
  const refused = await mergeRequest(w, {
    author: 'dave',
    file: file('dave-refused'),
    yaml: grantYaml('dave', '2026-11-22T18:00:00Z'),
    approvers: [],
    mergedAt: '2026-11-22T10:00:00Z',
    refused: "grantops' check did not pass on the merged commit abc1234: the request was not approved",
  });
  n['dave-refused-request'] = refused.number;
  // A reverting PR whose record was damaged by hand.
  w.gh.commit({
    repo: 'acme/access',
    branch: 'grantops/revoke/x',
    from: 'main',
    files: { 'x.txt': 'x' },
    message: 'x',
    author: 'alice',
    silent: true,
  });
  const { data: bad } = await w.as('alice').rest.pulls.create({
    owner: 'acme',
    repo: 'access',
    head: 'grantops/revoke/x',
    base: 'main',
    title: 'x',
    body: '<!-- grantops:record {broken -->',
  });
  await w.as('alice').rest.issues.addLabels({
    owner: 'acme',
    repo: 'access',
    issue_number: bad.number,
    labels: [LABELS.revoke],
  });
  n.bad = bad.number;
  return n;
}
