import type { GrantRecord } from '../../core/lifecycle/index.js';
import type { AccessTarget } from '../../providers/provider.js';

/** The provider target of a recorded grant (its resource settings as recorded at apply time). */
export function targetOf(record: GrantRecord): AccessTarget {
  return {
    resourceName: record.resource,
    resource: record.resourceConfig,
    grantee: record.grantee,
    role: record.role,
    grantId: record.file,
    expires: record.expires,
  };
}
