import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Equals, IsBoolean, IsIn, IsISO8601, IsOptional, IsString, Length, Matches } from 'class-validator';
import { NODE_COUNTRIES } from '@corridor/reference-data';

export const CONSENT_FORMS = ['signed-form', 'thumbprint', 'electronic', 'verbal-witnessed'] as const;

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
}
