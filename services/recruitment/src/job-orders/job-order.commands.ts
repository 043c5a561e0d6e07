import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { CURRENCY_CODES, ISCO08_UNIT_GROUP_CODES, ISIC4_DIVISION_CODES, NODE_COUNTRIES } from '@corridor/reference-data';
import { AmountMinor, DateRangePageQuery, IsCurrencyCode, WholeNumber } from '@corridor/http';
import { ContractMonths, HoursPerDay } from '@corridor/job-orders';

export const WAGE_PERIODS = ['month', 'day', 'hour'] as const;

/** A destination employer's demand letter, as the destination authority records it. */
export class CreateJobOrderCommand {
  @ApiProperty({ example: 'KH', enum: NODE_COUNTRIES, description: 'Origin country the workers come from; the corridor origin→this node must be open' })
  @IsIn(NODE_COUNTRIES, { message: `origin must be one of ${NODE_COUNTRIES.join(', ')}` })
  origin: string;

  @ApiProperty({ example: 'Siam Frozen Foods Co., Ltd.' })
  @IsString()
  @Length(2, 200)
  employerName: string;

  @ApiProperty({ example: '0105548012345', description: "The employer's registration number at destination" })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9/.-]{2,39}$/, { message: 'employerRegistrationNumber must be 3 to 40 letters, digits, "/", "." or "-"' })
  employerRegistrationNumber: string;

  @ApiProperty({ example: 'Samut Sakhon' })
  @IsString()
  @Length(2, 100)
  workplaceProvince: string;

  @ApiProperty({ example: '9329', description: 'ISCO-08 unit group (4 digits)' })
  @IsIn(ISCO08_UNIT_GROUP_CODES, { message: 'occupationIsco must be an ISCO-08 unit group (4 digits), e.g. 9329' })
  occupationIsco: string;

  @ApiProperty({ example: '10', description: 'ISIC Rev.4 division (2 digits)' })
  @IsIn(ISIC4_DIVISION_CODES, { message: 'sectorIsic must be an ISIC Rev.4 division (2 digits), e.g. 10' })
  sectorIsic: string;

  @WholeNumber({ minimum: 1, maximum: 5000, example: 20 })
  workersRequested: number;

  @AmountMinor({ example: 1040000, description: 'Wage in minor units of wageCurrency (10400.00 THB = 1040000)' })
  wageAmountMinor: number;

  @ApiProperty({ example: 'THB', enum: CURRENCY_CODES, description: 'ISO 4217' })
  @IsCurrencyCode('wageCurrency')
  wageCurrency: string;

  @ApiProperty({ enum: WAGE_PERIODS, example: 'month' })
  @IsIn(WAGE_PERIODS)
  wagePeriod: (typeof WAGE_PERIODS)[number];

  @HoursPerDay()
  hoursPerDay: number;

  @ContractMonths()
  contractMonths: number;

  @ApiPropertyOptional({ example: ['accommodation', 'social security', 'return ticket'], type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  benefits?: string[];
}

export class RejectJobOrderCommand {
  @ApiProperty({ example: 'wage below the destination minimum wage' })
  @IsString()
  @Length(3, 1000)
  reason: string;
}

export class ListJobOrdersQuery extends DateRangePageQuery {
  @ApiPropertyOptional({ enum: ['submitted', 'approved', 'verified', 'rejected', 'filled'] })
  @IsOptional()
  @IsIn(['submitted', 'approved', 'verified', 'rejected', 'filled'])
  status?: string;

  @ApiPropertyOptional({ example: '9329' })
  @IsOptional()
  @IsIn(ISCO08_UNIT_GROUP_CODES, { message: 'occupationIsco must be an ISCO-08 unit group (4 digits)' })
  occupationIsco?: string;

  @ApiPropertyOptional({ example: 'KH', enum: NODE_COUNTRIES })
  @IsOptional()
  @IsIn(NODE_COUNTRIES)
  origin?: string;

  @ApiPropertyOptional({ example: 'TH', enum: NODE_COUNTRIES })
  @IsOptional()
  @IsIn(NODE_COUNTRIES)
  destination?: string;
}
