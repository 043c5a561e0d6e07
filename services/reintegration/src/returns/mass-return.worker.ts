import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditTrail } from '@corridor/audit';
import { InjectNodeConfig, type NodeConfig } from '@corridor/config';
import { systemActor, type SexName } from '@corridor/events';
import { Outbox } from '@corridor/messaging';
import { KnownJourney } from '../journeys/known-journey.entity';
import { MassReturnBatch } from './mass-return-batch.entity';
import { MassReturnRow } from './mass-return-row.entity';
import { ReturnRecord } from './return-record.entity';
import { ReturnRecorder } from './return-recorder';
import type { ReturnTypeName } from './return.rules';

/** Rows per transaction: small enough to keep locks short, large enough to amortise the commit. */
const CHUNK = 250;

/**
 * Works through the pending rows of mass-return lists in the background, a chunk per outbox
 * transaction (rows, returns, minimal records, cases and their events commit together or not at
 * all). Rows are taken FOR UPDATE SKIP LOCKED, so a second instance or a restart never does a row
 * twice; lists left unfinished by a stop are resumed at the next start.
 */
@Injectable()
export class MassReturnWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MassReturnWorker.name);
  private readonly running = new Map<string, Promise<void>>();
  private stopping = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly audit: AuditTrail,
    private readonly recorder: ReturnRecorder,
    @InjectNodeConfig() private readonly config: NodeConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const unfinished = await this.dataSource.getRepository(MassReturnBatch).findBy({ status: 'processing' });
    for (const batch of unfinished) this.start(batch.id);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await Promise.allSettled(this.running.values());
  }

  /** Starts (or joins) the processing of one list; resolves when it is done. */
  start(batchId: string): Promise<void> {
    const existing = this.running.get(batchId);
    if (existing) return existing;
    const run = this.process(batchId)
      .catch((error) => this.logger.error(`mass-return list ${batchId}: ${(error as Error).message}; resumed at the next start`))
      .finally(() => this.running.delete(batchId));
    this.running.set(batchId, run);
    return run;
  }

  private async process(batchId: string): Promise<void> {
    const batch = await this.dataSource.getRepository(MassReturnBatch).findOneByOrFail({ id: batchId });
    const by = { subject: batch.uploadedBy, country: this.config.country };
    for (;;) {
      if (this.stopping) return;
      const done = await this.outbox.transaction(async ({ manager, publish }) => {
        const rows: MassReturnRow[] = await manager
          .createQueryBuilder(MassReturnRow, 'r')
          .where('r.batch_id = :batchId AND r.outcome = :pending', { batchId, pending: 'pending' })
          .orderBy('r.row_number')
          .limit(CHUNK)
          .setLock('pessimistic_write')
          .setOnLocked('skip_locked')
          .getMany();
        if (!rows.length) return 0;
        const at = new Date();
        let matched = 0;
        let created = 0;
        for (const row of rows) {
          const earlier = await manager.findOne(ReturnRecord, { where: { rowKey: row.rowKey! }, select: { id: true, journeyId: true, batchId: true } });
          if (earlier) {
            await manager.update(MassReturnRow, { batchId, rowNumber: row.rowNumber }, { outcome: 'already-recorded', journeyId: earlier.journeyId, reason: `recorded before as return ${earlier.id}${earlier.batchId ? ` (list ${earlier.batchId})` : ''}` });
            continue;
          }
          let journey = await manager
            .createQueryBuilder(KnownJourney, 'j')
            .where('j.document_index = :index', { index: row.documentIndex })
            .andWhere('NOT EXISTS (SELECT 1 FROM return_record r WHERE r.journey_id = j.journey_id AND r.status = :happened)', { happened: 'happened' })
            .orderBy('j.registered_at', 'DESC')
            .getOne();
          const outcome = journey ? 'matched' : 'created';
          if (!journey) {
            journey = await this.recorder.openIrregular(manager, publish, {
              origin: this.config.country,
              sex: row.sex as SexName,
              birthYear: row.birthYear,
              returnedFrom: row.returnedFrom!,
              batchId,
              documentIndex: row.documentIndex,
              by,
              at,
            });
          }
          const existing = (await manager.findOneBy(ReturnRecord, { journeyId: journey.journeyId })) ?? undefined;
          await this.recorder.record(manager, publish, journey, {
            status: 'happened',
            type: row.returnType as ReturnTypeName,
            returnDate: batch.returnDate,
            checkpoint: batch.checkpoint,
            reason: '',
            returnedFrom: row.returnedFrom!,
            batchId,
            rowKey: row.rowKey!,
            side: 'origin',
            by,
            at,
            existing,
          });
          await manager.update(MassReturnRow, { batchId, rowNumber: row.rowNumber }, { outcome, journeyId: journey.journeyId });
          if (outcome === 'matched') matched++;
          else created++;
        }
        await manager.increment(MassReturnBatch, { id: batchId }, 'processed', rows.length);
        await this.audit.record(manager, {
          actor: systemActor(this.config.country, 'mass-return'),
          action: 'mass-return.process',
          targetType: 'mass-return',
          targetId: batchId,
          reason: `rows ${rows[0].rowNumber}-${rows[rows.length - 1].rowNumber}: ${matched} matched, ${created} created`,
        });
        return rows.length;
      });
      if (done === 0) break;
    }
    await this.dataSource.getRepository(MassReturnBatch).update({ id: batchId, status: 'processing' }, { status: 'completed', finishedAt: new Date() });
  }
}
