import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { AmountMinor, DateRangePageQuery, IsCurrencyCode } from '@corridor/http';

export const FEE_PURPOSES = [
  'recruitment-service',
  'documentation',
  'passport',
  'visa-work-permit',
  'medical-examination',
  'skills-test',
  'training',
  'orientation',
  'transport',
  'accommodation',
  'insurance',
  'deposit',
  'other',
] as const;

export class RecordFeeCommand {
  @AmountMinor({ example: 350000, description: 'Amount in minor units of currency (3500.00 THB = 350000)' })
  amountMinor: number;

  @ApiProperty({ example: 'THB', description: 'ISO 4217' })
  @IsCurrencyCode('currency')
  currency: string;

  @ApiProperty({ enum: FEE_PURPOSES, example: 'recruitment-service' })
  @IsIn(FEE_PURPOSES, { message: `purpose must be one of ${FEE_PURPOSES.join(', ')}` })
  purpose: string;

  @ApiPropertyOptional({ description: 'The licensed agency that took the money' })
  @IsOptional()
  @IsUUID('all', { message: 'payeeAgencyId must be an agency id (UUID)' })
  payeeAgencyId?: string;

  @ApiPropertyOptional({ example: 'village broker', description: 'Who took the money when it is not a licensed agency' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  payeeName?: string;

  @ApiProperty({ example: '2026-11-20', description: 'Calendar date of the payment, YYYY-MM-DD' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'paidOn must be a date as YYYY-MM-DD' })
  paidOn: string;
}

export class RecordRefundCommand {
  @AmountMinor({ example: 350000 })
  amountMinor: number;

  @ApiProperty({ example: 'THB', description: 'ISO 4217; the currency of the breach' })
  @IsCurrencyCode('currency')
  currency: string;

  @ApiProperty({ example: '2026-11-25', description: 'YYYY-MM-DD' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'refundedOn must be a date as YYYY-MM-DD' })
  refundedOn: string;
}

export class DecideBreachCommand {
  @ApiProperty({ example: 'payment was the worker’s own passport fee, not a recruitment cost (receipt checked)' })
  @IsString()
  @Length(10, 2000)
  reason: string;
}

export class ListBreachesQuery extends DateRangePageQuery {
  @ApiPropertyOptional({ enum: ['open', 'resolved-by-refund', 'resolved-by-decision'] })
  @IsOptional()
  @IsIn(['open', 'resolved-by-refund', 'resolved-by-decision'])
  status?: string;

  @ApiPropertyOptional({ description: 'Only breaches of workers of this agency' })
  @IsOptional()
  @IsUUID('all')
  agency?: string;
}
