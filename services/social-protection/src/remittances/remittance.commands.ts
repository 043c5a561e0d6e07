import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import { DateRangePageQuery, IsCurrencyCode, MAX_AMOUNT_MINOR } from '@corridor/http';
import { JourneyCorridorFields } from '../shared/journey-corridor';
import { REMITTANCE_CHANNELS } from '../shared/wire';

export class RecordRemittanceCommand extends JourneyCorridorFields {
  @ApiProperty({ example: '2026-12-05', description: 'The day it was sent, YYYY-MM-DD; not in the future' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'sentOn must be a date as YYYY-MM-DD' })
  sentOn: string;

  @ApiProperty({ example: 800000, description: 'Amount sent in minor units of currency (8,000.00 THB = 800000)', minimum: 1, maximum: MAX_AMOUNT_MINOR })
  @IsInt()
  @Min(1)
  @Max(MAX_AMOUNT_MINOR)
  amountMinor: number;

  @ApiProperty({ example: 'THB', description: 'ISO 4217, of the amount sent and the fee' })
  @IsCurrencyCode('currency')
  currency: string;

  @ApiProperty({ example: 12000, description: 'Every charge the sender paid, minor units of currency; 0 when free', minimum: 0, maximum: MAX_AMOUNT_MINOR })
  @IsInt()
  @Min(0)
  @Max(MAX_AMOUNT_MINOR)
  feeMinor: number;

  @ApiProperty({ enum: REMITTANCE_CHANNELS, example: 'mobile-money' })
  @IsIn(REMITTANCE_CHANNELS, { message: `channel must be one of ${REMITTANCE_CHANNELS.join(', ')}` })
  channel: string;

  @ApiPropertyOptional({ example: 9350000, description: 'What the recipient received, minor units of receivedCurrency; omit when not known', minimum: 0, maximum: MAX_AMOUNT_MINOR })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_AMOUNT_MINOR)
  receivedMinor?: number;

  @ApiPropertyOptional({ example: 'KHR', description: 'ISO 4217; required with receivedMinor' })
  @IsOptional()
  @IsCurrencyCode('receivedCurrency')
  receivedCurrency?: string;
}

export class ListRemittancesQuery extends DateRangePageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  journeyId?: string;

  @ApiPropertyOptional({ enum: REMITTANCE_CHANNELS })
  @IsOptional()
  @IsIn(REMITTANCE_CHANNELS, { message: `channel must be one of ${REMITTANCE_CHANNELS.join(', ')}` })
  channel?: string;
}
