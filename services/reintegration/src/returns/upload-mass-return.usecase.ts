import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { AuditTrail } from '@corridor/audit';
import type { Officer } from '@corridor/auth';
import type { CountryKeyring } from '@corridor/crypto';
import { InjectNodeConfig, type NodeConfig } from '@corridor/config';
import { NotFoundProblem, RequestValidationError, pageOf, type Page } from '@corridor/http';
import { isCalendarDate, isInTheFuture } from '@corridor/reference-data';
import { InjectPersonDataKeys } from '@corridor/service-runtime';
import { MassReturnBatch } from './mass-return-batch.entity';
import { MassReturnRow } from './mass-return-row.entity';
import type { ListMassReturnRowsQuery, UploadMassReturnCommand } from './mass-return.commands';
import { MAX_MASS_RETURN_ROWS, checkRow, listHash, rowKey, rowsOfCsv, type RawRow } from './mass-return.rules';
import { massReturnBatchView, massReturnRowView, type MassReturnBatchView, type MassReturnCountsView, type MassReturnRowView } from './mass-return.views';
import { MassReturnWorker } from './mass-return.worker';
import { MassReturnListRefused, ReturnNotRecordable } from './returns.errors';

const INSERT_CHUNK = 1000;

/**
 * Takes a mass-return list (CSV or JSON): checks every row on its own, keeps every row with its
 * outcome so far (refused with the reason, or pending with the document's blind index only) in one
 * transaction, and hands the pending rows to the background worker. The same list again answers
 * the first upload and creates nothing.
 */
@Injectable()
export class UploadMassReturnUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
    private readonly worker: MassReturnWorker,
    @InjectPersonDataKeys() private readonly keys: CountryKeyring,
    @InjectNodeConfig() private readonly config: NodeConfig,
  ) {}

  async execute(command: UploadMassReturnCommand, place: { checkpoint?: string; returnDate?: string }, officer: Officer, today = new Date()): Promise<MassReturnBatchView> {
    const format = command.csv !== undefined ? 'csv' : 'json';
    const checkpoint = (command.checkpoint ?? place.checkpoint ?? '').trim();
    const returnDate = command.returnDate ?? place.returnDate ?? '';
    if (checkpoint.length < 2) throw new RequestValidationError([{ field: 'checkpoint', messages: ['checkpoint (the border checkpoint, 2 to 120 characters) is required, in the body or, for CSV, the query string'] }]);
    if (!isCalendarDate(returnDate)) throw new RequestValidationError([{ field: 'returnDate', messages: ['returnDate (YYYY-MM-DD) is required, in the body or, for CSV, the query string'] }]);
    if (isInTheFuture(returnDate, today)) throw new ReturnNotRecordable(`returnDate ${returnDate} is in the future`, 'returnDate');
    if (command.csv !== undefined && command.rows !== undefined) throw new MassReturnListRefused('send the rows as CSV or as JSON, not both');
    let rows: RawRow[];
    try {
      rows = format === 'csv' ? rowsOfCsv(command.csv!) : (command.rows ?? []);
    } catch (error) {
      throw new MassReturnListRefused(`the CSV cannot be read: ${(error as Error).message}`);
    }
    if (rows.length === 0) throw new MassReturnListRefused('the list has no rows');
    if (rows.length > MAX_MASS_RETURN_ROWS) throw new MassReturnListRefused(`the list has ${rows.length} rows; at most ${MAX_MASS_RETURN_ROWS} in one upload`);
    const fileHash = listHash(checkpoint, returnDate, rows);
    const earlier = await this.dataSource.getRepository(MassReturnBatch).findOneBy({ fileHash });
    if (earlier) return this.view(earlier, true);

    const year = today.getUTCFullYear();
    const seen = new Map<string, number>();
    const batchId = uuidv7();
    const stored = rows.map((raw, i): MassReturnRow => {
      const checked = checkRow(raw, i + 1, this.config, { year });
      const base = { batchId, rowNumber: i + 1, rowKey: null, documentIndex: null, sex: null, birthYear: null, returnedFrom: null, returnType: null, journeyId: null };
      if ('refused' in checked) return { ...base, outcome: 'refused', reason: checked.refused };
      const index = this.keys.blindIndex.documentIndex(checked.row.nationality, checked.row.documentType, checked.row.documentNumber);
      const key = rowKey(index, returnDate);
      const first = seen.get(key);
      if (first !== undefined) return { ...base, outcome: 'refused', reason: `the same document as row ${first}: one return per person and day` };
      seen.set(key, i + 1);
      const r = checked.row;
      return { ...base, outcome: 'pending', reason: null, rowKey: key, documentIndex: index, sex: r.sex, birthYear: r.birthYear, returnedFrom: r.returnedFrom, returnType: r.returnType };
    });
    const batch = await this.dataSource.transaction(async (manager: EntityManager) => {
      const created = manager.create(MassReturnBatch, { id: batchId, fileHash, format, checkpoint, returnDate, status: 'processing', total: rows.length, processed: 0, uploadedBy: officer.subject, uploadedAt: new Date(), finishedAt: null });
      const inserted = await manager.createQueryBuilder().insert().into(MassReturnBatch).values(created).orIgnore().returning(['id']).execute();
      // The same list uploaded at the same moment by another request: that one keeps it.
      if (!inserted.raw.length) return undefined;
      for (let i = 0; i < stored.length; i += INSERT_CHUNK) await manager.insert(MassReturnRow, stored.slice(i, i + INSERT_CHUNK));
      await this.audit.record(manager, {
        actor: officer,
        action: 'mass-return.upload',
        targetType: 'mass-return',
        targetId: batchId,
        reason: `${rows.length} rows at ${checkpoint} on ${returnDate}`,
        details: { format, rows: rows.length, refusedAtUpload: stored.filter((r) => r.outcome === 'refused').length },
      });
      return created;
    });
    if (!batch) return this.view((await this.dataSource.getRepository(MassReturnBatch).findOneByOrFail({ fileHash })), true);
    this.worker.start(batch.id);
    return this.view(batch, false);
  }

  async one(batchId: string): Promise<MassReturnBatchView> {
    const batch = await this.dataSource.getRepository(MassReturnBatch).findOneBy({ id: batchId });
    if (!batch) throw new NotFoundProblem('mass-return list', batchId);
    return this.view(batch, false);
  }

  /** Every row in its order, or those of one outcome. */
  async rows(batchId: string, query: ListMassReturnRowsQuery): Promise<Page<MassReturnRowView>> {
    const { limit, offset } = pageOf(query);
    const [rows, total] = await this.dataSource.getRepository(MassReturnRow).findAndCount({
      where: { batchId, ...(query.outcome ? { outcome: query.outcome } : {}) },
      order: { rowNumber: 'ASC' },
      take: limit,
      skip: offset,
    });
    return { items: rows.map(massReturnRowView), total, limit, offset };
  }

  private async view(batch: MassReturnBatch, alreadyUploaded: boolean): Promise<MassReturnBatchView> {
    const counted: { outcome: string; n: string }[] = await this.dataSource.query('SELECT outcome, count(*) AS n FROM mass_return_row WHERE batch_id = $1 GROUP BY outcome', [batch.id]);
    const n = (outcome: string) => Number(counted.find((c) => c.outcome === outcome)?.n ?? 0);
    const counts: MassReturnCountsView = { pending: n('pending'), matched: n('matched'), created: n('created'), alreadyRecorded: n('already-recorded'), refused: n('refused') };
    return massReturnBatchView(batch, counts, alreadyUploaded);
  }
}
