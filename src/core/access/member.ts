import type { AccessLevel } from './accessLevel.js';

/** One login and the access it holds (or needs) on one resource. */
export interface Member {
  grantee: string;
  level: AccessLevel;
}
