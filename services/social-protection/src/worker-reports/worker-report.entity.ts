import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * How a worker who filed on the public portal follows the grievance: its reference and only a
 * hash of the secret given once (ADR 0028). Held on the filing node only; never in an event.
 */
@Entity({ name: 'worker_report' })
export class WorkerReport {
  @PrimaryColumn({ type: 'text' }) reference: string;
  @Column({ name: 'grievance_id', type: 'uuid', unique: true }) grievanceId: string;
  /** SHA-256 of the secret (80 random bits, so a slow hash adds nothing), hex. */
  @Column({ name: 'secret_hash', type: 'text' }) secretHash: string;
  @Column({ name: 'filed_at', type: 'timestamptz' }) filedAt: Date;
}
