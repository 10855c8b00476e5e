import type { RouteDef } from '../router.js';
import { appsRoutes } from './apps.js';
import { branchMergesRoutes } from './branchMerges.js';
import { checksRoutes } from './checks.js';
import { collaboratorsRoutes } from './collaborators.js';
import { commitsRoutes } from './commits.js';
import { compareRoutes } from './compare.js';
import { commitCommentsRoutes } from './commitComments.js';
import { contentsRoutes } from './contents.js';
import { deploymentsRoutes } from './deployments.js';
import { gitRoutes } from './git.js';
import { hookDeliveriesRoutes } from './hookDeliveries.js';
import { commentsRoutes } from './comments.js';
import { issuesRoutes } from './issues.js';
import { labelsRoutes } from './labels.js';
import { mergeRoutes } from './merge.js';
import { orgsRoutes } from './orgs.js';
import { pullDetailsRoutes } from './pullDetails.js';
import { pullsRoutes } from './pulls.js';
import { reviewsRoutes } from './reviews.js';
import { searchRoutes } from './search.js';
import { statusesRoutes } from './statuses.js';
import { teamsRoutes } from './teams.js';
import { userInvitationsRoutes } from './userInvitations.js';
import { usersRoutes } from './users.js';
import { workflowRunsRoutes } from './workflowRuns.js';

/** Every route the emulator implements. */
export const allRoutes: RouteDef[] = [
  ...appsRoutes,
  ...hookDeliveriesRoutes,
  ...usersRoutes,
  ...gitRoutes,
  ...contentsRoutes,
  ...commitsRoutes,
  ...compareRoutes,
  ...commitCommentsRoutes,
  ...statusesRoutes,
  ...pullsRoutes,
  ...pullDetailsRoutes,
  ...reviewsRoutes,
  ...mergeRoutes,
  ...branchMergesRoutes,
  ...checksRoutes,
  ...issuesRoutes,
  ...commentsRoutes,
  ...labelsRoutes,
  ...orgsRoutes,
  ...teamsRoutes,
  ...collaboratorsRoutes,
  ...userInvitationsRoutes,
  ...deploymentsRoutes,
  ...workflowRunsRoutes,
  ...searchRoutes,
];
