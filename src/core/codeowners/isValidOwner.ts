// GitHub logins: letters, digits and hyphens, not starting with a hyphen; `_` for managed users (`name_corp`).
const USER = /^@[A-Za-z0-9][A-Za-z0-9_-]*$/;
const TEAM = /^@[A-Za-z0-9][A-Za-z0-9_-]*\/[A-Za-z0-9_][A-Za-z0-9_-]*$/;
const EMAIL = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/;

/**
 * True when a token is an owner GitHub accepts in CODEOWNERS: `@username`, `@org/team-name` or an email
 * address. Whether the user or team exists and has write access is for the caller to check.
 */
export function isValidOwner(token: string): boolean {
  return USER.test(token) || TEAM.test(token) || EMAIL.test(token);
}
