import type { LifecycleContext } from './lifecycleContext.js';

/** The marker of the report on a commit that put a grant on the default branch without approval. */
export const unapprovedMarker = (file: string) => `<!-- grantops:unapproved ${file} -->`;

/**
 * Reports, once per commit and file, a grant that reached the default branch without an approved
 * pull request: it is never applied. The report goes on the commit (where the push is) and in the log.
 */
export async function reportUnapproved(
  ctx: LifecycleContext,
  params: { file: string; commit: string | undefined; why: string },
): Promise<void> {
  ctx.log.warn(
    { file: params.file, commit: params.commit, why: params.why },
    `not applying ${params.file}: ${params.why}`,
  );
  if (!params.commit) return;
  await ctx.port.upsertCommitComment(
    ctx.repo,
    params.commit,
    unapprovedMarker(params.file),
    `⛔ grantops will not apply \`${params.file}\`: ${params.why}. Grants take effect only through an approved pull request merged into ${ctx.defaultBranch}. Remove the file, or request the access with a pull request.`,
  );
}
