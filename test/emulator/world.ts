import { Octokit } from '@octokit/rest';
import { startEmulator, type Emulator } from '../../src/emulator/index.js';

/** A seeded emulator: org `acme`, users, a grants repo and Octokit clients per user. */
export interface World {
  gh: Emulator;
  as: (login: 'alice' | 'bob' | 'carol' | 'dave') => Octokit;
  anonymous: Octokit;
  repo: { owner: string; repo: string };
}

/** alice: org admin · bob, carol: members · dave: not in the org. Repo acme/access (private). */
export async function seedWorld(): Promise<World> {
  const gh = await startEmulator();
  const tokens: Record<string, string> = {};
  for (const login of ['alice', 'bob', 'carol', 'dave'])
    tokens[login] = gh.createUser({ login, name: login.toUpperCase() }).token;
  gh.createOrg({ login: 'acme', members: { alice: 'admin', bob: 'member', carol: 'member' } });
  gh.createRepo({
    owner: 'acme',
    name: 'access',
    files: {
      'access.yml': 'version: 1\nresources: {}\n',
      '.github/CODEOWNERS': '* @acme/sre\n',
      'grants/prod-db/.keep': '',
    },
  });
  const as = (login: string): Octokit => new Octokit({ baseUrl: gh.url, auth: tokens[login] });
  return { gh, as, anonymous: new Octokit({ baseUrl: gh.url }), repo: { owner: 'acme', repo: 'access' } };
}
