import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDefined, IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Length, Matches, Max, Min, ValidateIf, ValidateNested } from 'class-validator';
import { DateRangePageQuery, MAX_AMOUNT_MINOR } from '@corridor/http';
import { DEPLOYMENT_LIFECYCLE } from '@corridor/state-machine';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const dateMessage = (field: string) => ({ message: `${field} must be a date as YYYY-MM-DD` });

/** The identity document the officer checks at clearance; printed on the document, sealed for the destination, never stored in clear. */
export class ClearanceIdentityInput {
  @ApiProperty({ example: 'សុខ ដារា', description: "Full name in the worker's own script" })
  @IsString()
  @Length(1, 200)
  fullName: string;

  @ApiProperty({ example: 'SOK Dara', description: 'Full name in Latin transliteration' })
  @IsString()
  @Length(1, 200)
  fullNameLatin: string;

  @ApiProperty({ example: '1996-04-12' })
  @Matches(DATE, dateMessage('birthDate'))
  birthDate: string;

  @ApiProperty({ enum: ['passport', 'national-id'], example: 'passport' })
  @IsIn(['passport', 'national-id'])
  documentType: 'passport' | 'national-id';

  @ApiProperty({ example: 'N01234567' })
  @Matches(/^[A-Z0-9]{5,20}$/, { message: 'documentNumber must be 5-20 capital letters or digits' })
  documentNumber: string;

  @ApiProperty({ example: '2031-05-01', description: 'Expiry of the document; checked against the contract length plus the corridor margin' })
  @Matches(DATE, dateMessage('documentExpiry'))
  documentExpiry: string;

  @ApiProperty({ example: 'KH' })
  @Matches(/^[A-Z]{2}$/, { message: 'nationality must be a country code like KH' })
  nationality: string;
}

export class GrantExitClearanceCommand {
  @ApiProperty({ type: ClearanceIdentityInput })
  @IsDefined({ message: 'identity is required: the identity document checked at the counter' })
  @IsObject({ message: 'identity must be an object (documentType, documentNumber, expiresOn, ...)' })
  @ValidateNested()
  @Type(() => ClearanceIdentityInput)
  identity: ClearanceIdentityInput;
}

export class RecordInsuranceCommand {
  @ApiProperty({ example: 'Forte Insurance Cambodia' })
  @IsString()
  @Length(2, 200)
  insurer: string;

  @ApiProperty({ example: 'MW-2026-000123' })
  @IsString()
  @Length(2, 60)
  policyNumber: string;

  @ApiProperty({ example: '2026-12-01' })
  @Matches(DATE, dateMessage('coveredFrom'))
  coveredFrom: string;

  @ApiProperty({ example: '2028-12-31' })
  @Matches(DATE, dateMessage('coveredTo'))
  coveredTo: string;
}

export class RevokeClearanceCommand {
  @ApiProperty({ example: 'passport reported stolen' })
  @IsString()
  @Length(3, 500)
  reason: string;
}

export const MEANS = ['road', 'air', 'sea', 'rail'] as const;

export class RecordDepartureCommand {
  @ApiProperty({ example: '2026-12-03' })
  @Matches(DATE, dateMessage('departedOn'))
  departedOn: string;

  @ApiProperty({ enum: MEANS, example: 'road' })
  @IsIn(MEANS)
  means: (typeof MEANS)[number];

  @ApiProperty({ example: 'KH-TH-POIPET', description: 'A checkpoint of the corridor (GET /api/v1/checkpoints)' })
  @IsString()
  @Length(3, 40)
  plannedCheckpoint: string;
}

export class RecordCrossingCommand {
  @ApiProperty({ example: 'KH-TH-POIPET' })
  @IsString()
  @Length(3, 40)
  checkpoint: string;

  @ApiProperty({ example: '2026-12-03' })
  @Matches(DATE, dateMessage('crossedOn'))
  crossedOn: string;

  @ApiProperty({ enum: ['outbound', 'inbound'], example: 'outbound' })
  @IsIn(['outbound', 'inbound'])
  direction: 'outbound' | 'inbound';
}

export class ConfirmArrivalCommand {
  @ApiProperty({ example: '2026-12-04' })
  @Matches(DATE, dateMessage('arrivedOn'))
  arrivedOn: string;

  @ApiProperty({ example: 'Siam Frozen Foods Co., Ltd.', description: 'The employer the worker arrived at; another than the cleared one is a discrepancy (report it instead)' })
  @IsString()
  @Length(2, 200)
  employerName: string;
}

export const DISCREPANCY_KINDS = ['did-not-arrive', 'different-employer', 'identity-mismatch'] as const;

export class ReportDiscrepancyCommand {
  @ApiProperty({ enum: DISCREPANCY_KINDS, example: 'different-employer' })
  @IsIn(DISCREPANCY_KINDS)
  kind: (typeof DISCREPANCY_KINDS)[number];

  @ApiProperty({ example: 'worker found at a construction site in Chonburi' })
  @IsString()
  @Length(3, 1000)
  detail: string;

  @ApiProperty({ example: '2026-12-05' })
  @Matches(DATE, dateMessage('reportedOn'))
  reportedOn: string;
}

/** One row of a name list: a journey id or a document number (exactly one), and the arrival. */
export class ArrivalListRow {
  @ApiPropertyOptional({ format: 'uuid' })
  @ValidateIf((row: ArrivalListRow) => row.documentNumber === undefined || row.journeyId !== undefined)
  @IsUUID()
  journeyId?: string;

  @ApiPropertyOptional({ example: 'N01234567' })
  @ValidateIf((row: ArrivalListRow) => row.journeyId === undefined || row.documentNumber !== undefined)
  @Matches(/^[A-Z0-9]{5,20}$/, { message: 'documentNumber must be 5-20 capital letters or digits' })
  documentNumber?: string;

  @ApiProperty({ example: '2026-12-04' })
  @Matches(DATE, dateMessage('arrivedOn'))
  arrivedOn: string;

  @ApiProperty({ example: 'Siam Frozen Foods Co., Ltd.' })
  @IsString()
  @Length(2, 200)
  employerName: string;
}

export class ConfirmArrivalListCommand {
  @ApiProperty({ example: 'TH-DOE-NL-2026-118', description: "The receiving agency's reference of the name list" })
  @IsString()
  @Length(2, 60)
  reference: string;

  @ApiProperty({ type: [ArrivalListRow], maxItems: 500, description: 'Up to 500 rows; each is accepted or refused on its own' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => ArrivalListRow)
  rows: ArrivalListRow[];
}

export const PERMIT_TYPES = ['work-permit', 'visa', 'work-permit-and-visa'] as const;

export class IssuePermitCommand {
  @ApiProperty({ example: 'WP-TH-2026-884211' })
  @IsString()
  @Length(3, 60)
  permitNumber: string;

  @ApiProperty({ enum: PERMIT_TYPES, example: 'work-permit-and-visa' })
  @IsIn(PERMIT_TYPES)
  permitType: (typeof PERMIT_TYPES)[number];

  @ApiProperty({ example: '2026-12-10', description: 'The permit runs for the corridor’s workPermitMonths from this day' })
  @Matches(DATE, dateMessage('issuedOn'))
  issuedOn: string;
}

export class ChangeEmployerCommand {
  @ApiProperty({ example: 'Chonburi Seafood Ltd.' })
  @IsString()
  @Length(2, 200)
  newEmployer: string;

  @ApiProperty({ example: 'first employer closed the plant' })
  @IsString()
  @Length(3, 500)
  reason: string;

  @ApiProperty({ example: 'Department of Employment, Chonburi provincial office' })
  @IsString()
  @Length(2, 200)
  approvedBy: string;

  @ApiProperty({ example: '2027-03-01' })
  @Matches(DATE, dateMessage('changedOn'))
  changedOn: string;

  @ApiPropertyOptional({ example: 900000, description: 'Wage under the new employer (minor units, the verified contract’s currency); default: unchanged', maximum: MAX_AMOUNT_MINOR })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_AMOUNT_MINOR)
  wageAmountMinor?: number;

  @ApiPropertyOptional({ example: 10, minimum: 1, maximum: 12, description: 'Hours per day under the new employer; default: unchanged' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(12)
  hoursPerDay?: number;

  @ApiPropertyOptional({ example: 1, minimum: 0, maximum: 7, description: 'Rest days per week under the new employer; default: unchanged' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(7)
  restDaysPerWeek?: number;
}

export const FLAG_KINDS = ['arrival-discrepancy', 'missing-arrival', 'permit-expiring', 'permit-expired'] as const;

export class ListDeploymentsQuery extends DateRangePageQuery {
  @ApiPropertyOptional({ enum: DEPLOYMENT_LIFECYCLE.states })
  @IsOptional()
  @IsIn(DEPLOYMENT_LIFECYCLE.states)
  status?: string;

  @ApiPropertyOptional({ enum: FLAG_KINDS, description: 'Only deployments with a flag of this kind' })
  @IsOptional()
  @IsIn(FLAG_KINDS)
  flag?: (typeof FLAG_KINDS)[number];

  @ApiPropertyOptional({ example: 'KH-TH-POIPET', description: 'Crossed (or planned to cross) at this checkpoint' })
  @IsOptional()
  @IsString()
  @Length(3, 40)
  checkpoint?: string;
}
