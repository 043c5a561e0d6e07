import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * One flag a scheduled check raised: its key (check, subject, period) is the primary key, so a
 * second run (the same instance again, or another instance of the service) cannot raise it twice.
 * The row is written in the same transaction as the flag's event (claimFlag).
 */
@Entity('scheduled_flag')
export class ScheduledFlag {
  @PrimaryColumn({ name: 'check_name', type: 'text' }) checkName!: string;
  /** What the flag is about, e.g. a journey id or a permit id. */
  @PrimaryColumn({ type: 'text' }) subject!: string;
  /** Which occurrence: e.g. the arrival due date, or a permit's expiry date (a new expiry flags again). */
  @PrimaryColumn({ type: 'text' }) period!: string;
  @Column({ name: 'flag_id', type: 'text' }) flagId!: string;
  @CreateDateColumn({ name: 'raised_at', type: 'timestamptz' }) raisedAt!: Date;
}
