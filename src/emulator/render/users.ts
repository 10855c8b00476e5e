import type { Core } from '../core.js';
import { findUser } from '../state/state.js';

/** A simple user object as GitHub embeds it (`user`, `sender`, `owner`, ...). */
export function renderUser(core: Core, login: string): Record<string, unknown> {
  const user = findUser(core.state, login);
  const name = user?.login ?? login;
  const id = user?.id ?? 0;
  const url = `${core.url}/users/${encodeURIComponent(name)}`;
  return {
    login: name,
    id,
    node_id: Buffer.from(`04:${user?.type ?? 'User'}${id}`).toString('base64'),
    avatar_url: `${core.url}/avatars/u/${id}?v=4`,
    gravatar_id: '',
    url,
    html_url: `${core.url}/${name}`,
    followers_url: `${url}/followers`,
    following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`,
    starred_url: `${url}/starred{/owner}{/repo}`,
    subscriptions_url: `${url}/subscriptions`,
    organizations_url: `${url}/orgs`,
    repos_url: `${url}/repos`,
    events_url: `${url}/events{/privacy}`,
    received_events_url: `${url}/received_events`,
    type: user?.type ?? 'User',
    user_view_type: 'public',
    site_admin: false,
  };
}

/** The full user of `GET /users/{username}`. */
export function renderFullUser(core: Core, login: string): Record<string, unknown> {
  const user = findUser(core.state, login);
  return {
    ...renderUser(core, login),
    name: user?.name ?? null,
    company: null,
    blog: '',
    location: null,
    email: user?.email ?? null,
    hireable: null,
    bio: null,
    twitter_username: null,
    public_repos: 0,
    public_gists: 0,
    followers: 0,
    following: 0,
    created_at: user?.createdAt ?? null,
    updated_at: user?.createdAt ?? null,
  };
}
