import type { Issue, Repo } from '../state/types.js';

/** A parsed `q` of `GET /search/issues`: qualifiers and free-text terms. */
export interface IssueQuery {
  qualifiers: Array<{ key: string; value: string; negated: boolean }>;
  terms: string[];
  inFields: string[];
}

/** Splits a search query into `key:value` qualifiers (quotes allowed, `-` negates) and terms. */
export function parseIssueQuery(q: string): IssueQuery {
  const tokens = q.match(/-?[\w.-]+:"[^"]*"|-?[\w.-]+:\S+|"[^"]*"|\S+/g) ?? [];
  const query: IssueQuery = { qualifiers: [], terms: [], inFields: [] };
  for (const token of tokens) {
    const m = /^(-?)([\w.-]+):(.*)$/.exec(token);
    if (!m) {
      query.terms.push(token.replace(/^"|"$/g, '').toLowerCase());
      continue;
    }
    const value = (m[3] ?? '').replace(/^"|"$/g, '');
    if (m[2] === 'in') query.inFields.push(...value.split(','));
    else query.qualifiers.push({ key: (m[2] ?? '').toLowerCase(), value, negated: m[1] === '-' });
  }
  return query;
}

function matchesQualifier(repo: Repo, issue: Issue, key: string, value: string): boolean {
  const v = value.toLowerCase();
  switch (key) {
    case 'repo':
      return `${repo.owner}/${repo.name}`.toLowerCase() === v;
    case 'org':
    case 'user':
    case 'owner':
      return repo.owner.toLowerCase() === v;
    case 'is':
    case 'type':
    case 'state':
      if (v === 'pr' || v === 'pull-request') return issue.pull !== null;
      if (v === 'issue') return issue.pull === null;
      if (v === 'open' || v === 'closed') return issue.state === v;
      if (v === 'merged') return issue.pull?.merged === true;
      if (v === 'unmerged') return issue.pull !== null && !issue.pull.merged && issue.state === 'closed';
      if (v === 'draft') return issue.pull?.draft === true;
      return false;
    case 'label':
      return issue.labels.some((l) => l.toLowerCase() === v);
    case 'author':
      return issue.user.toLowerCase() === v;
    case 'head':
      return issue.pull?.headRef.toLowerCase() === v;
    case 'base':
      return issue.pull?.baseRef.toLowerCase() === v;
    case 'no':
      return v === 'label' ? issue.labels.length === 0 : false;
    default:
      return true;
  }
}

/** True when the issue in that repository matches the query. */
export function matchesIssueQuery(repo: Repo, issue: Issue, query: IssueQuery): boolean {
  for (const q of query.qualifiers)
    if (matchesQualifier(repo, issue, q.key, q.value) === q.negated) return false;
  const fields = query.inFields.length > 0 ? query.inFields : ['title', 'body'];
  const text = [
    fields.includes('title') ? issue.title : '',
    fields.includes('body') ? (issue.body ?? '') : '',
  ]
    .join('\n')
    .toLowerCase();
  return query.terms.every((t) => text.includes(t));
}
