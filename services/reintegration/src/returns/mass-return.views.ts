import { ApiProperty } from '@nestjs/swagger';
import type { MassReturnBatch } from './mass-return-batch.entity';
import type { MassReturnRow } from './mass-return-row.entity';
import { ROW_OUTCOMES } from './mass-return.commands';

export class MassReturnCountsView {
  @ApiProperty() pending: number;
  @ApiProperty({ description: 'Rows matched to a journey of this node by document number' }) matched: number;
  @ApiProperty({ description: 'Rows for which a minimal record was opened' }) created: number;
  @ApiProperty({ description: 'Rows whose return was recorded before (this list or another): nothing created' }) alreadyRecorded: number;
  @ApiProperty({ description: 'Rows refused, each with its reason' }) refused: number;
}

/** A mass-return list and its progress; poll until status is completed. */
export class MassReturnBatchView {
  @ApiProperty({ format: 'uuid' }) batchId: string;
  @ApiProperty({ enum: ['processing', 'completed'] }) status: string;
  @ApiProperty({ enum: ['csv', 'json'] }) format: string;
  @ApiProperty() checkpoint: string;
  @ApiProperty({ format: 'date' }) returnDate: string;
  @ApiProperty() total: number;
  @ApiProperty({ description: 'Rows done (not pending)' }) processed: number;
  @ApiProperty({ type: MassReturnCountsView }) counts: MassReturnCountsView;
  @ApiProperty({ description: 'true when this list was uploaded before: the earlier upload is answered, nothing new is created' }) alreadyUploaded: boolean;
  @ApiProperty({ format: 'date-time' }) uploadedAt: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) finishedAt: string | null;
}

export class MassReturnRowView {
  @ApiProperty({ description: '1 = the first data row (the CSV header is not counted)' }) rowNumber: number;
  @ApiProperty({ enum: ROW_OUTCOMES }) outcome: string;
  @ApiProperty({ type: String, nullable: true, description: 'Why a row was refused, or which earlier return it repeats' }) reason: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) journeyId: string | null;
}

export function massReturnBatchView(batch: MassReturnBatch, counts: MassReturnCountsView, alreadyUploaded = false): MassReturnBatchView {
  return {
    batchId: batch.id,
    status: batch.status,
    format: batch.format,
    checkpoint: batch.checkpoint,
    returnDate: batch.returnDate,
    total: batch.total,
    processed: batch.total - counts.pending,
    counts,
    alreadyUploaded,
    uploadedAt: batch.uploadedAt.toISOString(),
    finishedAt: batch.finishedAt?.toISOString() ?? null,
  };
}

export function massReturnRowView(row: MassReturnRow): MassReturnRowView {
  return { rowNumber: row.rowNumber, outcome: row.outcome, reason: row.reason, journeyId: row.journeyId };
}
