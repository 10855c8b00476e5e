import { describe, expect, it } from 'vitest';
import { classifyChanges, type ChangedPath } from '../../../src/core/request/index.js';

const added = (path: string): ChangedPath => ({ path, status: 'added' });

describe('classifyChanges', () => {
  it.each<[string, ChangedPath[], ReturnType<typeof classifyChanges>]>([
    [
      'grant files only: a request',
      [added('grants/db/alice.yml'), { path: 'grants/db/bob.yml', status: 'modified' }],
      {
        requested: ['grants/db/alice.yml', 'grants/db/bob.yml'],
        removed: [],
        policy: [],
        other: [],
        kind: 'request',
      },
    ],
    [
      'removals only: a give-back',
      [{ path: 'grants/db/alice.yml', status: 'removed' }],
      { requested: [], removed: ['grants/db/alice.yml'], policy: [], other: [], kind: 'give-back' },
    ],
    [
      'a file outside grants/: maintenance',
      [added('README.md'), { path: 'grants/db/old.yml', status: 'removed' }],
      {
        requested: [],
        removed: ['grants/db/old.yml'],
        policy: [],
        other: ['README.md'],
        kind: 'maintenance',
      },
    ],
    [
      'policy files: maintenance',
      [{ path: 'access.yml', status: 'modified' }, added('docs/CODEOWNERS')],
      {
        requested: [],
        removed: [],
        policy: ['access.yml', 'docs/CODEOWNERS'],
        other: [],
        kind: 'maintenance',
      },
    ],
    [
      'a grant together with a file outside grants/: mixed',
      [added('grants/db/alice.yml'), added('.github/workflows/ci.yml')],
      {
        requested: ['grants/db/alice.yml'],
        removed: [],
        policy: [],
        other: ['.github/workflows/ci.yml'],
        kind: 'mixed',
      },
    ],
    [
      'a grant together with CODEOWNERS: mixed',
      [added('grants/db/alice.yml'), { path: '.github/CODEOWNERS', status: 'modified' }],
      {
        requested: ['grants/db/alice.yml'],
        removed: [],
        policy: ['.github/CODEOWNERS'],
        other: [],
        kind: 'mixed',
      },
    ],
    [
      'a grant moved out of grants/: the old path is given back, the new one is another file',
      [{ path: 'archive/alice.yml', status: 'renamed', previousPath: 'grants/db/alice.yml' }],
      {
        requested: [],
        removed: ['grants/db/alice.yml'],
        policy: [],
        other: ['archive/alice.yml'],
        kind: 'maintenance',
      },
    ],
    [
      'unchanged files (listed by the API) count for nothing',
      [
        { path: 'grants/db/alice.yml', status: 'unchanged' },
        { path: 'access.yml', status: 'unchanged' },
      ],
      { requested: [], removed: [], policy: [], other: [], kind: 'none' },
    ],
    [
      'documentation and placeholders under grants/ count for nothing',
      [added('grants/README.md'), added('grants/db/.gitkeep')],
      { requested: [], removed: [], policy: [], other: [], kind: 'none' },
    ],
  ])('%s', (_name, changes, expected) => {
    expect(classifyChanges(changes)).toEqual(expected);
  });
});
