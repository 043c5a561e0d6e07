import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { AuditTrail } from '@corridor/audit';
import { InjectNodeConfig, type NodeConfig } from '@corridor/config';
import { systemActor, type SexName } from '@corridor/events';
import { Outbox } from '@corridor/messaging';
import { KnownJourney } from '../journeys/known-journey.entity';
import { MassReturnBatch } from './mass-return-batch.entity';
import { MassReturnRow } from './mass-return-row.entity';
import { ReturnRecord } from './return-record.entity';
import { ChunkWrites } from './chunk-writes';
import { ReturnRecorder } from './return-recorder';
import type { ReturnTypeName } from './return.rules';

/** Rows per transaction: small enough to keep locks short, large enough to amortise the commit. */
const CHUNK = 500;

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
      const done = await this.outbox.transaction(async ({ manager }) => {
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
        // Set-based: three reads for the whole chunk, then the writes row by row in one transaction.
        const earlier = new Map<string, { id: string; journey_id: string; batch_id: string | null }>(
          (await manager.query('SELECT row_key, id, journey_id, batch_id FROM return_record WHERE row_key = ANY($1)', [rows.map((r) => r.rowKey)])).map(
            (r: { row_key: string; id: string; journey_id: string; batch_id: string | null }) => [r.row_key, r],
          ),
        );
        const candidates = await manager
          .createQueryBuilder(KnownJourney, 'j')
          .distinctOn(['j.document_index'])
          .where('j.document_index IN (:...indexes)', { indexes: rows.map((r) => r.documentIndex!) })
          .andWhere("NOT EXISTS (SELECT 1 FROM return_record r WHERE r.journey_id = j.journey_id AND r.status = 'happened')")
          .orderBy('j.document_index')
          .addOrderBy('j.registered_at', 'DESC')
          .getMany();
        const journeyOf = new Map(candidates.map((j) => [j.documentIndex!, j]));
        const planned = new Map(
          (await manager.findBy(ReturnRecord, { journeyId: In(candidates.map((j) => j.journeyId)) })).map((r) => [r.journeyId, r]),
        );
        const writes = new ChunkWrites(manager);
        let matched = 0;
        let created = 0;
        const outcomes: { rowNumber: number; outcome: string; journeyId: string; reason: string | null }[] = [];
        for (const row of rows) {
          const before = earlier.get(row.rowKey!);
          if (before) {
            outcomes.push({ rowNumber: row.rowNumber, outcome: 'already-recorded', journeyId: before.journey_id, reason: `recorded before as return ${before.id}${before.batch_id ? ` (list ${before.batch_id})` : ''}` });
            continue;
          }
          let journey = journeyOf.get(row.documentIndex!);
          // One journey per person in a chunk: a second row of the same document never reaches here (refused at upload).
          if (journey) journeyOf.delete(row.documentIndex!);
          const outcome = journey ? 'matched' : 'created';
          journey ??= await this.recorder.openIrregular(writes, {
            origin: this.config.country,
            sex: row.sex as SexName,
            birthYear: row.birthYear,
            returnedFrom: row.returnedFrom!,
            batchId,
            documentIndex: row.documentIndex,
            by,
            at,
          });
          await this.recorder.record(manager, writes, journey, {
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
            existing: planned.get(journey.journeyId),
            isNew: outcome === 'created' || !planned.has(journey.journeyId),
            // No case exists for a journey without a happened return (cases open on happened returns only).
            newCase: true,
          });
          outcomes.push({ rowNumber: row.rowNumber, outcome, journeyId: journey.journeyId, reason: null });
          if (outcome === 'matched') matched++;
          else created++;
        }
        await writes.flush();
        await manager.query(
          `UPDATE mass_return_row m SET outcome = o.outcome, journey_id = o.journey_id::uuid, reason = o.reason
             FROM jsonb_to_recordset($2::jsonb) AS o(row_number int, outcome text, journey_id text, reason text)
            WHERE m.batch_id = $1 AND m.row_number = o.row_number`,
          [batchId, JSON.stringify(outcomes.map((o) => ({ row_number: o.rowNumber, outcome: o.outcome, journey_id: o.journeyId, reason: o.reason })))],
        );
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
