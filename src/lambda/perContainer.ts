/**
 * Creates a value on first use and keeps it for the life of the Lambda container (warm invocations
 * reuse it). A failed creation is not kept: the next invocation tries again, so one transient
 * failure does not poison a warm container.
 */
export function perContainer<T>(create: () => Promise<T>): () => Promise<T> {
  let instance: Promise<T> | undefined;
  return () => {
    instance ??= create().catch((error: unknown) => {
      instance = undefined;
      throw error;
    });
    return instance;
  };
}
