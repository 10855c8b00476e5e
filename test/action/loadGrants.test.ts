import { parseDocument } from 'yaml';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { EAGER_POSITIONS_UP_TO, loadGrants } from '../../action/src/loadGrants.js';
import { EXAMPLE_REPO, tempRepo } from '../helpers/tempRepo.js';

// Pass-through, counted: a grant file whose positions are lazy is parsed again on its first lookup.
vi.mock('yaml', async (importOriginal) => {
  const yaml = await importOriginal<typeof import('yaml')>();
  return { ...yaml, parseDocument: vi.fn(yaml.parseDocument) };
});
const parses = vi.mocked(parseDocument);
beforeEach(() => {
  parses.mockClear();
});

const noClient = () => Promise.reject(new Error('a checkout needs no API client'));
const grant = (n: number) =>
  `grantee: user-${n}\nresource: deploy-staging\nreason: "Release 2026.48"\nexpires: 2026-11-28T18:00:00Z\n`;

async function load(extraGrants: number) {
  const files: Record<string, string> = {};
  for (let n = 0; n < extraGrants; n++) files[`grants/deploy-staging/user-${n}.yml`] = grant(n);
  const workspace = tempRepo(files, EXAMPLE_REPO);
  const loaded = await loadGrants({ kind: 'path', path: '.' }, { workspace, client: noClient });
  if (!loaded.repo) throw new Error(JSON.stringify(loaded.readProblems));
  return loaded.repo;
}

describe('loadGrants keeps positions from the one parse of a small repository', () => {
  it('a small repository: locating the policy and every grant parses nothing again', async () => {
    const repo = await load(3);
    expect(repo.grants.length).toBeGreaterThan(3);
    const at = repo.grants.map((g) => g.locate(['grantee']));
    repo.policy?.locate(['guardrails', 'staging']);
    expect(parses).not.toHaveBeenCalled();
    expect(at.every((p) => p.line >= 1 && p.col >= 1)).toBe(true);
  });

  it(`over ${EAGER_POSITIONS_UP_TO} files: grants stay lazy (one parse per grant looked up), at the same positions`, async () => {
    const small = await load(3);
    const large = await load(EAGER_POSITIONS_UP_TO);
    parses.mockClear();
    const file = 'grants/deploy-staging/user-1.yml';
    const inLarge = large.grants.find((g) => g.file === file)!;
    const inSmall = small.grants.find((g) => g.file === file)!;
    for (const path of [['grantee'], ['expires'], []])
      expect(inLarge.locate(path, { key: true })).toEqual(inSmall.locate(path, { key: true }));
    expect(parses).toHaveBeenCalledTimes(1);
    expect(large.policy?.locate(['guardrails'])).toEqual(small.policy?.locate(['guardrails']));
    expect(parses).toHaveBeenCalledTimes(1);
  });
});
