import { describe, expect, it } from 'vitest';
import type { LifecycleContext } from '../../src/app/lifecycle/lifecycleContext.js';
import { reportApplied, type ApplyReportLine } from '../../src/app/lifecycle/reportApplied.js';
import { parseRefusals } from '../../src/audit/readRefusals.js';
import type { PullRequest } from '../../src/github/port.js';
import { grantRecord } from './records.js';

/** The comment the App posts, rendered by its own code (so a change of wording breaks this test). */
async function appReport(lines: ApplyReportLine[]): Promise<string> {
  let posted = '';
  const ctx = {
    repo: { owner: 'acme', repo: 'access' },
    port: {
      upsertComment: async (_repo: unknown, _number: number, marker: string, body: string) =>
        void (posted = `${body}\n\n${marker}`),
    },
  } as unknown as LifecycleContext;
  await reportApplied(ctx, { number: 9 } as PullRequest, lines);
  return posted;
}

describe('parseRefusals', () => {
  it('reads the refused files of the App apply report, and nothing else', async () => {
    const body = await appReport([
      { file: 'grants/prod-db/alice.yml', outcome: 'applied', record: grantRecord(), revertPr: 12 },
      { file: 'grants/prod-db/dave.yml', outcome: 'refused', why: 'the request was not approved' },
      {
        file: 'grants/prod-db/erin.yml',
        outcome: 'refused',
        why: 'no longer valid: `expires` is in the past; role: unknown',
      },
      { file: 'grants/prod-db/bob.yml', outcome: 'revoked', record: grantRecord() },
    ]);
    expect(parseRefusals(body)).toEqual([
      { file: 'grants/prod-db/dave.yml', why: 'the request was not approved' },
      { file: 'grants/prod-db/erin.yml', why: 'no longer valid: `expires` is in the past; role: unknown' },
    ]);
  });

  it('finds nothing in other text', () => {
    expect(parseRefusals('LGTM\n- `grants/x.yml`: ✅ granted')).toEqual([]);
  });
});
