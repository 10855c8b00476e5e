/** GitHub's largest page size. */
export const PER_PAGE = 100;

/**
 * Reads every page of a list (100 items a page) until a short page. Capped at `maxPages` so a
 * misbehaving server cannot keep the caller looping.
 */
export async function collectPages<T>(
  fetchPage: (page: number) => Promise<readonly T[]>,
  maxPages = 100,
): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; page <= maxPages; page++) {
    const batch = await fetchPage(page);
    items.push(...batch);
    if (batch.length < PER_PAGE) break;
  }
  return items;
}
