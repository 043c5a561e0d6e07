import { Controller, Inject, Injectable, Logger, Module, type BeforeApplicationShutdown, type DynamicModule, type OnApplicationBootstrap } from '@nestjs/common';
import { create } from '@bufbuild/protobuf';
import { timestampDate, timestampFromDate } from '@bufbuild/protobuf/wkt';
import { DataSource } from 'typeorm';
import { auditHeadMessage, type AuditHead } from '@corridor/audit';
import { corridorsOf, InjectNodeConfig, NODE_CONFIG, type NodeConfig } from '@corridor/config';
import { loadNodeSigningKeys, type NodeSigningKeys } from '@corridor/crypto';
import { AuditHeadSignedSchema, buildEvent, systemActor, type Stage } from '@corridor/events';
import { HandlesEvent, Outbox, type ReceivedEventOf } from '@corridor/messaging';

export const NODE_SIGNING_KEYS = Symbol('NODE_SIGNING_KEYS');
const AUDIT_HEADS_OPTIONS = Symbol('AUDIT_HEADS_OPTIONS');

interface AuditHeadsOptions {
  service: string;
  stage: Stage;
}

/** How often a stage service publishes its signed audit head when it moved (AUDIT_HEAD_INTERVAL_MS). */
const DEFAULT_HEAD_INTERVAL_MS = 30_000;

/**
 * Signs the head of this service's audit chain with the node key and publishes it as
 * AuditHeadSigned on the stage's corridor topic of every corridor the node is part of, every
 * AUDIT_HEAD_INTERVAL_MS when the head moved (ADR 0020). Through the outbox: a crash re-sends, and
 * two instances publishing the same head store once at the partner.
 */
@Injectable()
export class AuditHeadPublisher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(AuditHeadPublisher.name);
  private readonly intervalMs = Number(process.env.AUDIT_HEAD_INTERVAL_MS || DEFAULT_HEAD_INTERVAL_MS);
  private timer: NodeJS.Timeout | undefined;
  private lastSeq = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    @InjectNodeConfig() private readonly config: NodeConfig,
    @Inject(NODE_SIGNING_KEYS) private readonly keys: NodeSigningKeys,
    @Inject(AUDIT_HEADS_OPTIONS) private readonly options: AuditHeadsOptions,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.publishNow().catch((error: Error) => this.logger.warn(`publishing the audit head failed, retrying: ${error.message}`));
    }, this.intervalMs);
    this.timer.unref();
  }

  beforeApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Signs and publishes the current head if it moved since the last one; returns it (undefined when it did not move). */
  async publishNow(): Promise<AuditHead | undefined> {
    const [last] = (await this.dataSource.query('SELECT seq, hash FROM audit_log WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1')) as { seq: string; hash: string }[];
    if (!last || Number(last.seq) <= this.lastSeq) return undefined;
    const corridors = corridorsOf(this.config);
    const signedAt = new Date();
    const head: AuditHead = { country: this.config.country, service: this.options.service, seq: Number(last.seq), hash: last.hash, signedAt: signedAt.toISOString() };
    const signature = this.keys.sign(auditHeadMessage(head));
    await this.outbox.transaction(async ({ publish }) => {
      for (const corridor of corridors) {
        const { topic, event } = buildEvent({
          stage: this.options.stage,
          by: systemActor(this.config.country, 'audit-sequencer'),
          journeyId: `${head.country}.${head.service}`,
          corridor: { origin: corridor.origin, destination: corridor.destination },
          schema: AuditHeadSignedSchema,
          payload: create(AuditHeadSignedSchema, {
            country: head.country,
            service: head.service,
            seq: BigInt(head.seq),
            hash: head.hash,
            signedAt: timestampFromDate(signedAt),
            keyId: this.keys.keyId,
            signature,
          }),
          occurredAt: signedAt,
        });
        await publish(topic, event);
      }
    });
    this.lastSeq = head.seq;
    return head;
  }
}

/**
 * Stores the signed heads corridor partners publish of their audit chains, with the verdict on
 * the signature (checked against the partner's configured Ed25519 key). Its own heads come back
 * on the same topics and are skipped.
 */
@Controller()
export class PartnerAuditHeadsConsumer {
  private readonly logger = new Logger(PartnerAuditHeadsConsumer.name);

  constructor(
    @InjectNodeConfig() private readonly config: NodeConfig,
    @Inject(NODE_SIGNING_KEYS) private readonly keys: NodeSigningKeys,
  ) {}

  @HandlesEvent(AuditHeadSignedSchema)
  async onHead(event: ReceivedEventOf<typeof AuditHeadSignedSchema>): Promise<void> {
    const p = event.payload;
    if (p.country === this.config.country) return;
    const sender = event.envelope.recordedBy?.country;
    const signedAt = p.signedAt ? timestampDate(p.signedAt) : new Date(0);
    const head: AuditHead = { country: p.country, service: p.service, seq: Number(p.seq), hash: p.hash, signedAt: signedAt.toISOString() };
    // A node vouches for its own log only: a head of C sent by another node is no evidence.
    const valid = sender === p.country && this.keys.verify(p.country, p.keyId, auditHeadMessage(head), p.signature);
    if (!valid) this.logger.warn(`audit head of ${p.country} ${p.service} at seq ${head.seq} has no valid signature (event ${event.envelope.eventId}); kept, marked invalid`);
    await event.manager.query(
      `INSERT INTO partner_audit_head (country, service, seq, hash, signed_at, key_id, signature, signature_valid, event_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING`,
      [head.country, head.service, head.seq, head.hash, signedAt, p.keyId, Buffer.from(p.signature), valid, event.envelope.eventId],
    );
  }
}

/**
 * The signed audit heads of a stage service (ADR 0020): publishes its own, stores its partners'.
 * Every service holds the node's signing keys.
 */
@Module({})
export class AuditHeadsModule {
  static forService(service: string, stage: Stage | undefined, env: NodeJS.ProcessEnv = process.env): DynamicModule {
    return {
      module: AuditHeadsModule,
      providers: [
        {
          provide: NODE_SIGNING_KEYS,
          inject: [NODE_CONFIG],
          useFactory: (config: NodeConfig) => loadNodeSigningKeys(env, config.country),
        },
        ...(stage ? [{ provide: AUDIT_HEADS_OPTIONS, useValue: { service, stage } }, AuditHeadPublisher] : []),
      ],
      controllers: stage ? [PartnerAuditHeadsConsumer] : [],
      exports: [NODE_SIGNING_KEYS, ...(stage ? [AuditHeadPublisher] : [])],
    };
  }
}
