import { describe, expect, it } from 'vitest';
import { refuseIncompleteChanges, type ChangedPath } from '../../../src/core/request/index.js';

const files = (count: number): ChangedPath[] =>
  Array.from({ length: count }, (_, i) => ({ path: `docs/${i}.md`, status: 'added' }));

describe('refuseIncompleteChanges', () => {
  it.each<[string, ChangedPath[], string[]]>([
    ['the annotation goes on the last listed file', files(300), ['docs/299.md']],
    ['with no file listed, no annotation', [], []],
  ])('fails the check and asks for a split: %s', (_name, listed, annotated) => {
    const evaluation = refuseIncompleteChanges({ headSha: 'a'.repeat(40), listed, limit: 300 });
    expect(evaluation).toMatchObject({
      kind: 'mixed',
      headSha: 'a'.repeat(40),
      conclusion: 'failure',
      title: 'Split this pull request: GitHub lists at most 300 of its changed files',
      grants: [],
      mergeable: false,
      stale: false,
    });
    expect(evaluation.problems.map((p) => p.file)).toEqual(annotated);
    for (const problem of evaluation.problems)
      expect(problem).toMatchObject({
        line: 1,
        col: 1,
        code: 'request-too-many-files',
        severity: 'error',
        message: expect.stringContaining('Split it into pull requests of fewer than 300 files each'),
      });
  });
});
