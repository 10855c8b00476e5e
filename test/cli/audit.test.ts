import { describe, expect, it } from 'vitest';
import { runCliCapture } from '../helpers/runCliCapture.js';

describe('grantops audit', () => {
  it('is listed in the help', async () => {
    const { code, stdout } = await runCliCapture(['help']);
    expect(code).toBe(0);
    expect(stdout).toContain(
      'grantops audit --repo OWNER/NAME [--since TIME] [--until TIME] [--format csv|json] [--output FILE]',
    );
  });
});

describe('grantops audit usage', () => {
  it.each<[string, string[], Record<string, string>, string]>([
    ['no --repo', [], { GITHUB_TOKEN: 't' }, '--repo OWNER/NAME is required'],
    ['a bad --repo', ['--repo', 'acme'], { GITHUB_TOKEN: 't' }, '--repo OWNER/NAME is required'],
    [
      'a bad --since',
      ['--repo', 'a/b', '--since', 'yesterday'],
      { GITHUB_TOKEN: 't' },
      '--since "yesterday" is not an RFC 3339 time',
    ],
    [
      'a reversed range',
      ['--repo', 'a/b', '--since', '2026-11-02T00:00:00Z', '--until', '2026-11-01T00:00:00Z'],
      { GITHUB_TOKEN: 't' },
      'is after --until',
    ],
    [
      'a bad --format',
      ['--repo', 'a/b', '--format', 'xml'],
      { GITHUB_TOKEN: 't' },
      '--format "xml": use csv or json',
    ],
    ['no token', ['--repo', 'a/b'], {}, 'set GITHUB_TOKEN (or GRANTOPS_TOKEN)'],
    ['a stray argument', ['--repo', 'a/b', 'extra'], { GITHUB_TOKEN: 't' }, 'unexpected argument "extra"'],
    ['an unknown flag', ['--repo', 'a/b', '--json'], { GITHUB_TOKEN: 't' }, "Unknown option '--json'"],
  ])('%s: exit 2 with the fix', async (_name, args, env, message) => {
    const { code, stderr } = await runCliCapture(['audit', ...args], { env });
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(stderr).toContain('usage: grantops audit --repo OWNER/NAME');
  });
});
