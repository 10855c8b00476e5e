/** The emulator's data model. */
export type * from './accounts.js';
export type * from './issues.js';
export type * from './repo.js';
