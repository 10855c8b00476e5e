import type { SealScope } from '../../src/core/lifecycle/index.js';
import { createRecordSeal } from '../../src/app/lifecycle/recordSeal.js';

/** The record key of the probot harness: tests that write records the App must believe use it. */
export const TEST_RECORD_KEY = 'test-record-key-0123456789abcdef';

/** The seal scope of a reverting PR of a grants repository under {@link TEST_RECORD_KEY}. */
export const testScope = (repo = 'acme/access-grants', pull = 12): SealScope => ({
  seal: createRecordSeal(TEST_RECORD_KEY),
  repo,
  pull,
});
