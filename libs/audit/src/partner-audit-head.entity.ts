import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A signed audit-chain head a corridor partner published (AuditHeadSigned): kept so that this
 * country can show later that the partner's history was rewritten (ADR 0020). Insert-only.
 */
@Entity({ name: 'partner_audit_head' })
export class PartnerAuditHead {
  @PrimaryColumn({ type: 'text' })
  country: string;

  @PrimaryColumn({ type: 'text' })
  service: string;

  @PrimaryColumn({ type: 'bigint' })
  seq: string;

  @Column({ type: 'char', length: 64 })
  hash: string;

  @Column({ name: 'signed_at', type: 'timestamptz' })
  signedAt: Date;

  @Column({ name: 'key_id', type: 'text' })
  keyId: string;

  @Column({ type: 'bytea' })
  signature: Buffer;

  @Column({ name: 'signature_valid', type: 'boolean' })
  signatureValid: boolean;

  @Column({ name: 'event_id', type: 'text' })
  eventId: string;

  @Column({ name: 'received_at', type: 'timestamptz', default: () => 'now()' })
  receivedAt: Date;
}
