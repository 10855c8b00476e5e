/**
 * Where GitHub looks for CODEOWNERS, in its search order: the first that exists is used, the others are
 * ignored. https://docs.github.com/en/repositories/managing-your-repositorys-settings-and-features/customizing-your-repository/about-code-owners#codeowners-file-location
 */
export const CODEOWNERS_PATHS = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'] as const;

/**
 * Tells which CODEOWNERS file GitHub uses, given which paths exist on the branch (the base branch of the
 * pull request). Returns undefined when there is none.
 */
export function pickCodeownersPath(exists: (path: string) => boolean): string | undefined {
  return CODEOWNERS_PATHS.find((path) => exists(path));
}
