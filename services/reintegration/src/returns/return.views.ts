import { ApiProperty } from '@nestjs/swagger';
import type { ReturnRecord } from './return-record.entity';
import { RETURN_STATUSES, RETURN_TYPES } from './return.rules';

/** A return as every API answer shows it. */
export class ReturnView {
  @ApiProperty({ format: 'uuid' })
  returnId: string;

  @ApiProperty({ format: 'uuid' })
  journeyId: string;

  @ApiProperty({ enum: RETURN_STATUSES })
  status: string;

  @ApiProperty({ enum: RETURN_TYPES })
  type: string;

  @ApiProperty({ format: 'date' })
  returnDate: string;

  @ApiProperty()
  checkpoint: string;

  @ApiProperty({ enum: ['origin', 'destination'], description: 'Which end recorded it' })
  recordedBySide: string;

  @ApiProperty({ example: 'KH' })
  origin: string;

  @ApiProperty({ type: String, nullable: true, example: 'TH', description: 'null for a returnee the node never sent abroad' })
  destination: string | null;

  @ApiProperty({ example: 'TH' })
  returnedFrom: string;

  @ApiProperty({ enum: ['female', 'male', 'other', 'unknown'] })
  sex: string;

  @ApiProperty()
  reason: string;

  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'The mass-return upload that recorded it' })
  batchId: string | null;

  @ApiProperty({ format: 'date-time' })
  recordedAt: string;
}

export function returnView(r: ReturnRecord): ReturnView {
  return {
    returnId: r.id,
    journeyId: r.journeyId,
    status: r.status,
    type: r.type,
    returnDate: r.returnDate,
    checkpoint: r.checkpoint,
    recordedBySide: r.recordedBySide,
    origin: r.origin,
    destination: r.destination,
    returnedFrom: r.returnedFrom,
    sex: r.sex,
    reason: r.reason,
    batchId: r.batchId,
    recordedAt: r.recordedAt.toISOString(),
  };
}
