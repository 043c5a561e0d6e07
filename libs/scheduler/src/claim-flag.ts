import type { EntityManager } from 'typeorm';

/** Which flag: one check about one subject for one period (see ScheduledFlag). */
export interface FlagKey {
  check: string;
  subject: string;
  period: string;
}

/**
 * Claims a flag inside the caller's transaction: true the first time the key is seen, false when
 * it was raised before (by this run, an earlier one or another instance). Publish the flag's event
 * in the same transaction only when it returns true; a rolled-back transaction releases the claim.
 * Two concurrent claims of one key: the second waits on the first's row and then gets false.
 */
export async function claimFlag(manager: EntityManager, key: FlagKey, flagId: string): Promise<boolean> {
  const rows = (await manager.query(
    `INSERT INTO scheduled_flag (check_name, subject, period, flag_id) VALUES ($1, $2, $3, $4)
     ON CONFLICT (check_name, subject, period) DO NOTHING RETURNING flag_id`,
    [key.check, key.subject, key.period, flagId],
  )) as unknown[];
  return rows.length === 1;
}

/** The flag id raised for a key, if any. */
export async function raisedFlagId(manager: EntityManager, key: FlagKey): Promise<string | undefined> {
  const rows = (await manager.query('SELECT flag_id FROM scheduled_flag WHERE check_name = $1 AND subject = $2 AND period = $3', [
    key.check,
    key.subject,
    key.period,
  ])) as { flag_id: string }[];
  return rows[0]?.flag_id;
}
