import type { GitHubPort } from '../port.js';
import { readRepoSnapshot } from '../readRepoSnapshot.js';
import { compareForPull } from './compareForPull.js';
import { createCheckRun, findCheckRun, updateCheckRun } from './checks.js';
import { upsertComment } from './comments.js';
import {
  closePullRequest,
  getPullRequest,
  listPullRequestFiles,
  listReviews,
  mergePullRequest,
} from './pulls.js';
import type { AdapterState } from './state.js';
import { lastCommitForPath, pullsForCommit, upsertCommitComment } from './history.js';
import { addLabels, listOpenByLabel, removeLabel, updatePull } from './labels.js';
import {
  deleteBranch,
  listPullsByBranch,
  listRevertBranches,
  openRevertPull,
  rebuildRevertBranch,
} from './revertPulls.js';
import { listTeamMembers } from './teams.js';

/** Binds the adapter functions to one Octokit client: the GitHub port the App's handlers use. */
export function createOctokitPort(state: AdapterState): GitHubPort {
  return {
    readRepo: (repo, ref) => readRepoSnapshot(state.octokit, repo, ref),
    getPullRequest: (repo, number) => getPullRequest(state, repo, number),
    listPullRequestFiles: (repo, number) => listPullRequestFiles(state, repo, number),
    compareForPull: (repo, baseRef, headSha) => compareForPull(state, repo, baseRef, headSha),
    listReviews: (repo, number) => listReviews(state, repo, number),
    listTeamMembers: (org, slug) => listTeamMembers(state, org, slug),
    findCheckRun: (repo, sha, name) => findCheckRun(state, repo, sha, name),
    createCheckRun: (repo, input) => createCheckRun(state, repo, input),
    updateCheckRun: (repo, id, input) => updateCheckRun(state, repo, id, input),
    mergePullRequest: (repo, number, options) => mergePullRequest(state, repo, number, options),
    closePullRequest: (repo, number) => closePullRequest(state, repo, number),
    upsertComment: (repo, number, marker, body) => upsertComment(state, repo, number, marker, body),
    listRevertBranches: (repo) => listRevertBranches(state, repo),
    listOpenByLabel: (repo, label) => listOpenByLabel(state, repo, label),
    listPullsByBranch: (repo, branch, options) => listPullsByBranch(state, repo, branch, options),
    openRevertPull: (repo, input) => openRevertPull(state, repo, input),
    rebuildRevertBranch: (repo, input) => rebuildRevertBranch(state, repo, input),
    updatePull: (repo, number, fields) => updatePull(state, repo, number, fields),
    addLabels: (repo, number, labels) => addLabels(state, repo, number, labels),
    removeLabel: (repo, number, label) => removeLabel(state, repo, number, label),
    deleteBranch: (repo, branch) => deleteBranch(state, repo, branch),
    lastCommitForPath: (repo, path, ref) => lastCommitForPath(state, repo, path, ref),
    pullsForCommit: (repo, sha) => pullsForCommit(state, repo, sha),
    upsertCommitComment: (repo, sha, marker, body) => upsertCommitComment(state, repo, sha, marker, body),
  };
}
