import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, Equals, IsArray, IsBoolean, IsIn, IsInt, IsISO8601, IsObject, IsOptional, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { NODE_COUNTRIES } from '@corridor/reference-data';
import { EDUCATION_LEVELS, type EducationLevel } from './worker.entity';

export const CONSENT_FORMS = ['signed-form', 'thumbprint', 'electronic', 'verbal-witnessed'] as const;

/** Where the worker lives at origin; stored encrypted. */
export class HomeAddress {
  @ApiProperty({ example: 'Battambang', description: 'Province' })
  @IsString()
  @Length(1, 100)
  province: string;

  @ApiProperty({ example: 'Sangkae', description: 'District' })
  @IsString()
  @Length(1, 100)
  district: string;

  @ApiPropertyOptional({ example: 'Ou Dambang Muoy', description: 'Village or commune' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  village?: string;
}

/** What an officer or agency sends to register a worker; anything else is refused. */
export class RegisterWorkerCommand {
  @ApiProperty({ example: 'សុខ ដារ៉ា', description: "Full name in the worker's own script" })
  @IsString()
  @Length(1, 200)
  fullName: string;

  @ApiProperty({ example: 'Sok Dara', description: 'Full name in Latin transliteration' })
  @IsString()
  @Length(1, 200)
  @Matches(/^[\p{Script=Latin}\p{M}' .-]+$/u, { message: 'fullNameLatin must be written in Latin letters' })
  fullNameLatin: string;

  @ApiProperty({ enum: ['female', 'male', 'other'] })
  @IsIn(['female', 'male', 'other'])
  sex: 'female' | 'male' | 'other';

  @ApiProperty({ example: '1998-04-17', description: 'Calendar date, YYYY-MM-DD' })
  @IsISO8601({ strict: true, strictSeparator: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'birthDate must be a date as YYYY-MM-DD' })
  birthDate: string;

  @ApiProperty({ example: 'KH', enum: NODE_COUNTRIES, description: 'ISO 3166-1 alpha-2; the registering node registers its own nationals' })
  @IsIn(NODE_COUNTRIES, { message: `nationality must be one of ${NODE_COUNTRIES.join(', ')}` })
  nationality: string;

  @ApiProperty({ enum: ['passport', 'national-id'] })
  @IsIn(['passport', 'national-id'])
  documentType: 'passport' | 'national-id';

  @ApiProperty({ example: 'N01234567' })
  @Matches(/^[A-Z0-9]{5,20}$/, { message: 'documentNumber must be 5 to 20 capital letters or digits' })
  documentNumber: string;

  @ApiProperty({ example: '2031-01-31' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'documentExpiry must be a date as YYYY-MM-DD' })
  @IsISO8601({ strict: true, strictSeparator: true })
  documentExpiry: string;

  @ApiPropertyOptional({ example: 'TH', enum: NODE_COUNTRIES })
  @IsOptional()
  @IsIn(NODE_COUNTRIES, { message: `intendedDestination must be one of ${NODE_COUNTRIES.join(', ')}` })
  intendedDestination?: string;

  @ApiPropertyOptional({ example: '9333', description: 'ISCO-08 unit group (4 digits)' })
  @IsOptional()
  @Matches(/^\d{4}$/, { message: 'occupationIsco must be an ISCO-08 unit group of 4 digits' })
  occupationIsco?: string;

  @ApiProperty({ example: true, description: 'Consent to process personal data; registration needs it' })
  @IsBoolean()
  @Equals(true, { message: 'consentToProcess must be true: a worker cannot be registered without consent' })
  consentToProcess: boolean;

  @ApiProperty({ example: true, description: 'Consent to share person data with the destination along the corridor' })
  @IsBoolean()
  consentToShare: boolean;

  @ApiProperty({ enum: CONSENT_FORMS, example: 'signed-form', description: 'How the worker gave consent' })
  @IsIn(CONSENT_FORMS, { message: `consentGivenHow must be one of ${CONSENT_FORMS.join(', ')}` })
  consentGivenHow: (typeof CONSENT_FORMS)[number];

  @ApiPropertyOptional({ example: '2026-11-20', description: 'When the worker gave consent, YYYY-MM-DD, not in the future; today when left out' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'consentGivenOn must be a date as YYYY-MM-DD' })
  @IsISO8601({ strict: true, strictSeparator: true })
  consentGivenOn?: string;

  @ApiPropertyOptional({ example: '+855 12 345 678', description: 'Phone number, digits and spaces with an optional leading +; stored encrypted' })
  @IsOptional()
  @IsString()
  @Matches(/^\+?[0-9 ]{6,20}$/, { message: 'phone must be 6 to 20 digits or spaces, optionally after a +' })
  phone?: string;

  @ApiPropertyOptional({ type: () => HomeAddress, description: 'Home address at origin; stored encrypted' })
  @IsOptional()
  @IsObject({ message: 'homeAddress must be an object with province and district' })
  @ValidateNested()
  @Type(() => HomeAddress)
  homeAddress?: HomeAddress;

  @ApiPropertyOptional({ type: [String], maxItems: 20, example: ['rice farming', 'construction labour'], description: 'Up to 20 skills, each 1 to 60 characters' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 60, { each: true })
  skills?: string[];

  @ApiPropertyOptional({ enum: EDUCATION_LEVELS, example: 'lower-secondary', description: 'Highest level of education completed' })
  @IsOptional()
  @IsIn(EDUCATION_LEVELS, { message: `education must be one of ${EDUCATION_LEVELS.join(', ')}` })
  education?: EducationLevel;
}

export class NominateWorkerCommand {
  @ApiProperty({ example: 'TH', enum: NODE_COUNTRIES, description: 'Destination country; the corridor to it must be open' })
  @IsIn(NODE_COUNTRIES, { message: `destination must be one of ${NODE_COUNTRIES.join(', ')}` })
  destination: string;
}

export class WithdrawConsentCommand {
  @ApiProperty({ enum: CONSENT_FORMS, example: 'signed-form', description: 'How the worker withdrew consent' })
  @IsIn(CONSENT_FORMS, { message: `howGiven must be one of ${CONSENT_FORMS.join(', ')}` })
  howGiven: string;
}

/** Every read of person data states its purpose; it goes into the audit log. */
export class ReadPurposeQuery {
  @ApiProperty({ example: 'verify identity before exit clearance', description: 'Why the officer reads person data (audited)' })
  @IsString()
  @Length(3, 200)
  purpose: string;
}

export class SearchWorkersQuery extends ReadPurposeQuery {
  @ApiProperty({ example: 'Sok Dara', description: "Name in the worker's own script or in Latin transliteration; every word must match" })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiPropertyOptional({ example: 20, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}
