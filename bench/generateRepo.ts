import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Builds a grants repository of `count` grant files over 20 resources, all valid at `now`. */
export function generateRepoFiles(count: number, now: number): Map<string, string> {
  const files = new Map<string, string>();
  const resources = Array.from({ length: 20 }, (_, i) => `resource-${i}`);
  const policy = ['version: 1', 'defaults: { max_duration: 8h }', 'resources:'];
  const owners = ['* @acme/security'];
  for (const [i, name] of resources.entries()) {
    policy.push(
      `  ${name}:`,
      `    provider: github-team`,
      `    team: team-${i}`,
      `    roles: [member, maintainer]`,
    );
    if (i % 2 === 0) policy.push(`    require_ticket: true`, `    ticket_pattern: "^INC-[0-9]+$"`);
    owners.push(`/grants/${name}/ @acme/leads-${i} @acme/security`);
  }
  files.set('access.yml', `${policy.join('\n')}\n`);
  files.set('.github/CODEOWNERS', `${owners.join('\n')}\n`);
  for (let n = 0; n < count; n++) {
    const resource = resources[n % resources.length]!;
    const expires = new Date(now + ((n % 400) + 1) * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const lines = [
      `# yaml-language-server: $schema=https://raw.githubusercontent.com/grantops/grantops/main/schemas/grant.schema.json`,
      `grantee: user-${n}`,
      `resource: ${resource}`,
      `role: ${n % 3 === 0 ? 'maintainer' : 'member'}`,
      `reason: "INC-${n}: investigating replication lag on shard ${n % 97}"`,
      `ticket: INC-${n}`,
      `expires: ${expires}`,
    ];
    files.set(`grants/${resource}/user-${n}.yml`, `${lines.join('\n')}\n`);
  }
  return files;
}

/** Writes generated files under `dir`. */
export function writeRepo(dir: string, files: Map<string, string>): void {
  for (const [path, text] of files) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}
