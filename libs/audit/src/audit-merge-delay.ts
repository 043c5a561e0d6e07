import type { DataSource } from 'typeorm';

/**
 * How long the oldest audit entry not yet sealed into the hash chain has waited, in seconds
 * (GET /metrics: corridor_audit_merge_delay_seconds). Entries are written unsealed in the
 * business transaction and sealed by the sequencer in batches (ADR 0020), so this is the merge
 * delay as it stands: 0 when everything is sealed, and growing while a sequencer is down.
 */
export async function auditMergeDelaySeconds(dataSource: DataSource): Promise<number> {
  const [row] = (await dataSource.query(
    `SELECT COALESCE(EXTRACT(EPOCH FROM (now() - min(recorded_at))), 0)::float8 AS delay
       FROM audit_log WHERE seq IS NULL`,
  )) as { delay: number }[];
  return Math.max(0, Number(row?.delay ?? 0));
}
