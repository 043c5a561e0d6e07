import type { DataSource } from 'typeorm';

/**
 * How long the oldest audit entry not yet in the hash chain has waited, in seconds (GET /metrics:
 * corridor_audit_merge_delay_seconds). Today every entry is chained inside the transaction of the
 * change it records (appendAuditEntry), so nothing ever waits and this is 0. An audit that stages
 * entries and merges them into the chain later answers here from its staging table: the gauge
 * reads only this function.
 */
export async function auditMergeDelaySeconds(_dataSource: DataSource): Promise<number> {
  return 0;
}
