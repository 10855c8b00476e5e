import { queryInt } from './input.js';

/** One page of a list and the headers that go with it. */
export interface Page<T> {
  items: T[];
  headers: Record<string, string>;
}

/**
 * Cuts a list the way GitHub pages it: `per_page` (default 30, at most 100) and `page`, with a
 * `Link` header carrying `prev`, `next`, `last` and `first` relations as Octokit's paginator reads.
 */
export function paginate<T>(params: {
  items: T[];
  query: URLSearchParams;
  url: string;
  path: string;
}): Page<T> {
  const perPage = queryInt(params.query, 'per_page', 30, 100);
  const page = queryInt(params.query, 'page', 1);
  const lastPage = Math.max(1, Math.ceil(params.items.length / perPage));
  const items = params.items.slice((page - 1) * perPage, page * perPage);
  const link = (n: number): string => {
    const q = new URLSearchParams(params.query);
    q.set('per_page', String(perPage));
    q.set('page', String(n));
    return `${params.url}${params.path}?${q.toString()}`;
  };
  const rels: string[] = [];
  if (page > 1) rels.push(`<${link(Math.min(page - 1, lastPage))}>; rel="prev"`);
  if (page < lastPage) rels.push(`<${link(page + 1)}>; rel="next"`, `<${link(lastPage)}>; rel="last"`);
  if (page > 1) rels.push(`<${link(1)}>; rel="first"`);
  return { items, headers: rels.length > 0 ? { link: rels.join(', ') } : {} };
}
