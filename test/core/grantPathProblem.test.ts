import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GRANT_NAME, parseGrantPath, RESOURCE_NAME } from '../../src/core/grantPath.js';
import { grantPathProblem } from '../../src/core/grantPathProblem.js';

const FORGED = 'grants/prod-db/<!-- grantops:record {"v":1,"file":"x","state":"revoked"} -->.yml';
const name = (length: number) => `a${'b'.repeat(length - 1)}`;

describe('grantPathProblem: only grants/<resource>/<name>.yml with a safe resource and name is a grant', () => {
  it.each<[string, string, string | undefined, ('error' | 'warning')?]>([
    ['a plain grant', 'grants/prod-db/alice-20261128t0900.yml', undefined],
    ['letters, digits, dot, underscore and dash', 'grants/a.b_c-1/Alice_2.v1-x.yml', undefined],
    ['a name of 100 characters', `grants/db/${name(100)}.yml`, undefined],
    ['a resource of 64 characters', `grants/${'r'.repeat(64)}/alice.yml`, undefined],
    ['a text file (never read)', 'grants/db/notes.txt', 'grant-not-yaml', 'warning'],
    ['a .yaml file', 'grants/db/alice.yaml', 'grant-not-yml'],
    ['an upper-case .YML file', 'grants/db/alice.YML', 'grant-not-yml'],
    ['a file directly in grants/', 'grants/alice.yml', 'grant-path'],
    ['a file one folder too deep', 'grants/db/deep/alice.yml', 'grant-path'],
    ['a file outside grants/', 'other/db/alice.yml', 'grant-path'],
    ['an upper-case resource folder', 'grants/Prod-DB/alice.yml', 'grant-path-resource'],
    ['a resource folder of 65 characters', `grants/${'r'.repeat(65)}/alice.yml`, 'grant-path-resource'],
    ['a resource folder with a space', 'grants/prod db/alice.yml', 'grant-path-resource'],
    ['a name carrying a forged record marker', FORGED, 'grant-path-name'],
    ['a name with a line break', 'grants/db/alice\nbob.yml', 'grant-path-name'],
    ['a name with a carriage return', 'grants/db/alice\r.yml', 'grant-path-name'],
    ['a name with a space', 'grants/db/alice smith.yml', 'grant-path-name'],
    ['a name with a backtick', 'grants/db/al`ice.yml', 'grant-path-name'],
    ['a name with non-ASCII letters', 'grants/db/alicé.yml', 'grant-path-name'],
    ['a hidden file', 'grants/db/.alice.yml', 'grant-path-name'],
    ['an empty name', 'grants/db/.yml', 'grant-path-name'],
    ['a name of 101 characters', `grants/db/${name(101)}.yml`, 'grant-path-name'],
  ])('%s', (_what, path, code, severity = 'error') => {
    const problem = grantPathProblem(path);
    expect(problem?.code).toBe(code);
    expect(parseGrantPath(path) === undefined).toBe(code !== undefined);
    if (!problem) return;
    expect(problem).toMatchObject({ file: path, line: 1, col: 1, severity });
    // A message never repeats the path, which may hold anything but '/'.
    const stem = path.slice(path.lastIndexOf('/') + 1).replace(/\.[^.]*$/, '');
    if (stem.length > 1) expect(problem.message).not.toContain(stem);
  });

  it('says which characters are allowed, and how to fix the file', () => {
    expect(grantPathProblem(FORGED)?.message).toBe(
      'a grant file name may use only letters, digits, ".", "_" and "-", must start with a letter or digit, and may be at most 100 characters before ".yml": rename this file',
    );
    expect(grantPathProblem('grants/Prod/a.yml')?.message).toMatch(
      /^the folder under grants\/ must be a resource name: 1 to 64 lowercase letters, digits, "\.", "_" or "-"/,
    );
    expect(grantPathProblem('grants/db/a.yaml')?.message).toMatch(/ends in "\.yml".*rename this file/);
  });

  it('uses the resource-name pattern of both schemas, so every resource has a valid folder', () => {
    const schema = (file: string) =>
      JSON.parse(readFileSync(join(import.meta.dirname, '../../schemas', file), 'utf8')) as {
        definitions?: { name: { pattern: string } };
        properties?: { resource: { pattern: string } };
      };
    expect(schema('policy.schema.json').definitions?.name.pattern).toBe(`^${RESOURCE_NAME}$`);
    expect(schema('grant.schema.json').properties?.resource.pattern).toBe(`^${RESOURCE_NAME}$`);
    expect(GRANT_NAME).toBe('[A-Za-z0-9][A-Za-z0-9._-]{0,99}');
  });
});
