import { providerErrorFromHttp, type HttpErrorContext } from './providerErrorFromHttp.js';

/** Runs one GitHub call and turns its failure into a named ProviderError. */
export async function callGitHub<T>(context: HttpErrorContext, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw providerErrorFromHttp(error, context);
  }
}
