import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsObject, IsOptional, IsString, IsUUID, Length, Matches, ValidateNested } from 'class-validator';
import { AmountMinor, IsCurrencyCode, OptionalAmountMinor, OptionalWholeNumber, PageQuery, WholeNumber } from '@corridor/http';
import { ContractMonths, HoursPerDay } from '@corridor/job-orders';
import { ISCO08_UNIT_GROUP_CODES } from '@corridor/reference-data';
import { CONTRACT_STATUSES } from './contract-state';
import { ACCOMMODATION, PAY_PERIODS, RETURN_JOURNEY_PAYERS } from './contract-terms';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class DeductionInput {
  @ApiProperty({ example: 'Social security contribution' })
  @IsString()
  @Length(2, 100)
  purpose: string;

  @AmountMinor({ example: 75000, description: 'Cap per pay period, in minor units of the wage currency' })
  capAmountMinor: number;
}

export class ClauseInput {
  @ApiProperty({ example: 'Annual leave' })
  @IsString()
  @Length(2, 120)
  title: string;

  @ApiProperty({ example: 'Six paid working days of leave after one year of service.' })
  @IsString()
  @Length(2, 4000)
  text: string;
}

/**
 * Core terms an officer may set when drafting; each missing one defaults from the job order
 * (wage, hours, duration) or from the regional standard template (the others).
 */
export class DraftTermsInput {
  @OptionalAmountMinor({ example: 1040000, description: 'Wage in minor units of wageCurrency' })
  wageAmountMinor?: number;

  @ApiPropertyOptional({ example: 'THB', description: 'ISO 4217' })
  @IsOptional()
  @IsCurrencyCode('wageCurrency')
  wageCurrency?: string;

  @ApiPropertyOptional({ enum: PAY_PERIODS, example: 'month' })
  @IsOptional()
  @IsIn(PAY_PERIODS)
  payPeriod?: (typeof PAY_PERIODS)[number];

  @HoursPerDay({ optional: true })
  hoursPerDay?: number;

  @OptionalWholeNumber({ minimum: 1, maximum: 7, example: 1 })
  restDaysPerWeek?: number;

  @OptionalWholeNumber({ minimum: 100, maximum: 400, example: 150, description: 'Overtime pay as a percentage of the normal hourly wage' })
  overtimeRatePercent?: number;

  @ContractMonths({ optional: true })
  contractMonths?: number;

  @ApiPropertyOptional({ enum: ACCOMMODATION, example: 'provided' })
  @IsOptional()
  @IsIn(ACCOMMODATION)
  accommodation?: (typeof ACCOMMODATION)[number];

  @ApiPropertyOptional({ type: [DeductionInput], description: 'Deductions from wages the contract allows, each with a cap' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => DeductionInput)
  deductions?: DeductionInput[];

  @ApiPropertyOptional({ enum: RETURN_JOURNEY_PAYERS, example: 'employer' })
  @IsOptional()
  @IsIn(RETURN_JOURNEY_PAYERS)
  returnJourneyPaidBy?: (typeof RETURN_JOURNEY_PAYERS)[number];

  @OptionalWholeNumber({ minimum: 0, maximum: 180, example: 30 })
  probationDays?: number;
}

/** An amendment may also name another employer, workplace or occupation (and will be compared). */
export class AmendedTermsInput extends DraftTermsInput {
  @ApiPropertyOptional({ example: 'Siam Frozen Foods Co., Ltd.' })
  @IsOptional()
  @IsString()
  @Length(2, 200)
  employerName?: string;

  @ApiPropertyOptional({ example: '0105548012345' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9/.-]{2,39}$/, { message: 'employerRegistrationNumber must be 3 to 40 letters, digits, "/", "." or "-"' })
  employerRegistrationNumber?: string;

  @ApiPropertyOptional({ example: 'Samut Sakhon' })
  @IsOptional()
  @IsString()
  @Length(2, 100)
  workplaceProvince?: string;

  @ApiPropertyOptional({ example: '9329', description: 'ISCO-08 unit group' })
  @IsOptional()
  @IsIn(ISCO08_UNIT_GROUP_CODES, { message: 'occupationIsco must be an ISCO-08 unit group (4 digits), e.g. 9329' })
  occupationIsco?: string;
}

export class DraftContractCommand {
  @ApiProperty({ example: '01937a2e-6a1c-7c4e-9a51-2f0d6f0a1b2c', description: "The matched worker's journey; the job order is the one they were matched to" })
  @IsUUID()
  journeyId: string;

  @ApiPropertyOptional({ type: DraftTermsInput, example: { restDaysPerWeek: 1, overtimeRatePercent: 150, accommodation: 'provided', deductions: [{ purpose: 'Social security contribution', capAmountMinor: 75000 }], probationDays: 30 } })
  @IsOptional()
  @ValidateNested()
  @Type(() => DraftTermsInput)
  terms?: DraftTermsInput;

  @ApiPropertyOptional({ type: [ClauseInput] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ClauseInput)
  clauses?: ClauseInput[];
}

export class SignContractCommand {
  @ApiProperty({ enum: ['worker', 'employer'], example: 'worker' })
  @IsIn(['worker', 'employer'])
  party: 'worker' | 'employer';

  @ApiProperty({ example: '2026-11-24', description: 'The day the party signed, YYYY-MM-DD; not in the future' })
  @Matches(DATE, { message: 'signedOn must be a date as YYYY-MM-DD' })
  signedOn: string;
}

export class VerifyContractCommand {
  @ApiPropertyOptional({ example: 'Terms match the verified job order and the standard template' })
  @IsOptional()
  @IsString()
  @Length(2, 500)
  note?: string;
}

export class RejectContractCommand {
  @ApiProperty({ example: 'Rest days missing from the signed copy' })
  @IsString()
  @Length(3, 500)
  reason: string;
}

export class AmendContractCommand {
  @ApiProperty({ example: 'Employer moved the worksite to another province' })
  @IsString()
  @Length(3, 500)
  reason: string;

  @ApiProperty({ type: AmendedTermsInput, example: { workplaceProvince: 'Chonburi' }, description: 'Only the terms that change; the others stay as in the current version' })
  @IsObject({ message: 'changes must be an object of the terms that change' })
  @ValidateNested()
  @Type(() => AmendedTermsInput)
  changes: AmendedTermsInput;

  @ApiPropertyOptional({ type: [ClauseInput], description: 'Replaces the optional clauses when given' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ClauseInput)
  clauses?: ClauseInput[];
}

/** Every core term as the worker actually works under it at destination. */
export class RegisteredTermsInput {
  @ApiProperty({ example: 'Siam Frozen Foods Co., Ltd.' })
  @IsString()
  @Length(2, 200)
  employerName: string;

  @ApiProperty({ example: '0105548012345' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9/.-]{2,39}$/, { message: 'employerRegistrationNumber must be 3 to 40 letters, digits, "/", "." or "-"' })
  employerRegistrationNumber: string;

  @ApiProperty({ example: 'Samut Sakhon' })
  @IsString()
  @Length(2, 100)
  workplaceProvince: string;

  @ApiProperty({ example: '9329' })
  @IsIn(ISCO08_UNIT_GROUP_CODES, { message: 'occupationIsco must be an ISCO-08 unit group (4 digits), e.g. 9329' })
  occupationIsco: string;

  @AmountMinor({ example: 900000 })
  wageAmountMinor: number;

  @ApiProperty({ example: 'THB' })
  @IsCurrencyCode('wageCurrency')
  wageCurrency: string;

  @ApiProperty({ enum: PAY_PERIODS, example: 'month' })
  @IsIn(PAY_PERIODS)
  payPeriod: (typeof PAY_PERIODS)[number];

  @WholeNumber({ minimum: 1, maximum: 24, example: 10, description: 'As found: may exceed what a contract may set' })
  hoursPerDay: number;

  @WholeNumber({ minimum: 0, maximum: 7, example: 1, description: 'As found: 0 when the worker gets no rest day' })
  restDaysPerWeek: number;

  @WholeNumber({ minimum: 0, maximum: 400, example: 150 })
  overtimeRatePercent: number;

  @WholeNumber({ minimum: 1, maximum: 120, example: 24 })
  contractMonths: number;

  @ApiProperty({ enum: ACCOMMODATION, example: 'provided' })
  @IsIn(ACCOMMODATION)
  accommodation: (typeof ACCOMMODATION)[number];

  @ApiProperty({ type: [DeductionInput] })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => DeductionInput)
  deductions: DeductionInput[];

  @ApiProperty({ enum: RETURN_JOURNEY_PAYERS, example: 'employer' })
  @IsIn(RETURN_JOURNEY_PAYERS)
  returnJourneyPaidBy: (typeof RETURN_JOURNEY_PAYERS)[number];

  @WholeNumber({ minimum: 0, maximum: 365, example: 30 })
  probationDays: number;
}

export class RegisterAtDestinationCommand {
  @ApiProperty({ example: '2027-02-01', description: 'When the destination authority registered the contract, YYYY-MM-DD; not in the future' })
  @Matches(DATE, { message: 'registeredOn must be a date as YYYY-MM-DD' })
  registeredOn: string;

  @ApiProperty({ type: RegisteredTermsInput })
  @IsObject({ message: 'terms must be an object with every core term' })
  @ValidateNested()
  @Type(() => RegisteredTermsInput)
  terms: RegisteredTermsInput;
}

export const SUBSTITUTION_DECISIONS = ['terms-restored', 'accepted-by-worker', 'referred-to-grievance', 'dismissed'] as const;

export class ResolveSubstitutionFlagCommand {
  @ApiProperty({ enum: SUBSTITUTION_DECISIONS, example: 'terms-restored' })
  @IsIn(SUBSTITUTION_DECISIONS)
  decision: (typeof SUBSTITUTION_DECISIONS)[number];

  @ApiProperty({ example: 'Employer signed an addendum restoring the verified wage and hours' })
  @IsString()
  @Length(3, 500)
  reason: string;
}

export class ListContractsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: CONTRACT_STATUSES })
  @IsOptional()
  @IsIn(CONTRACT_STATUSES)
  status?: (typeof CONTRACT_STATUSES)[number];

  @ApiPropertyOptional({ example: '01937a2e-6a1c-7c4e-9a51-2f0d6f0a1b2c' })
  @IsOptional()
  @IsUUID()
  journeyId?: string;

  @ApiPropertyOptional({ example: true, description: 'Only contracts with (true) or without (false) an open substitution flag' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsIn([true, false], { message: 'flagged must be true or false' })
  flagged?: boolean;
}
