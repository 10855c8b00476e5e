/** The status and body of an Octokit call, whether it succeeded or failed. */
export async function outcome(
  promise: Promise<{ status: number; data: unknown }>,
): Promise<{ status: number; data: unknown }> {
  try {
    const res = await promise;
    return { status: res.status, data: res.data };
  } catch (error) {
    const e = error as { status?: number; response?: { data: unknown } };
    if (e.status === undefined) throw error;
    return { status: e.status, data: e.response?.data };
  }
}
