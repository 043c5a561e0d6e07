import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EDUCATION_LEVELS, type DocumentType, type EducationLevel, type WorkerSex } from './worker.entity';
import { CONSENT_FORMS } from './worker.commands';

export class HomeAddressView {
  @ApiProperty({ example: 'Battambang' })
  province: string;

  @ApiProperty({ example: 'Sangkae' })
  district: string;

  @ApiPropertyOptional({ example: 'Ou Dambang Muoy' })
  village?: string;
}

export class ConsentView {
  @ApiProperty({ description: 'To process person data at this node' })
  toProcess: boolean;

  @ApiProperty({ description: 'To share person data with the destination' })
  toShare: boolean;

  @ApiProperty({ enum: CONSENT_FORMS })
  givenHow: string;

  @ApiProperty({ type: String, nullable: true, format: 'date' })
  givenOn: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date' })
  toShareWithdrawnOn: string | null;
}

/** A worker with person data in clear (decrypted for this answer only; the read is audited). */
export class WorkerView {
  @ApiProperty({ format: 'uuid' })
  workerId: string;

  @ApiProperty({ format: 'uuid' })
  journeyId: string;

  @ApiProperty({ example: 'សុខ ដារ៉ា' })
  fullName: string;

  @ApiProperty({ example: 'Sok Dara' })
  fullNameLatin: string;

  @ApiProperty({ enum: ['female', 'male', 'other'] })
  sex: WorkerSex;

  @ApiProperty({ example: '1998-04-12', format: 'date' })
  birthDate: string;

  @ApiProperty({ example: 'KH' })
  nationality: string;

  @ApiProperty({ enum: ['passport', 'national-id'] })
  documentType: DocumentType;

  @ApiProperty({ example: 'N01234567' })
  documentNumber: string;

  @ApiProperty({ example: '2031-04-11', format: 'date' })
  documentExpiry: string;

  @ApiProperty({ type: String, nullable: true, example: 'TH' })
  intendedDestination: string | null;

  @ApiProperty({ type: String, nullable: true, example: '9329', description: 'ISCO-08' })
  occupationIsco: string | null;

  @ApiProperty({ type: String, nullable: true, example: '+855 12 345 678' })
  phone: string | null;

  @ApiProperty({ type: HomeAddressView, nullable: true })
  homeAddress: HomeAddressView | null;

  @ApiProperty({ type: [String], example: ['rice farming'] })
  skills: string[];

  @ApiProperty({ enum: EDUCATION_LEVELS, nullable: true })
  education: EducationLevel | null;

  @ApiProperty({ type: String, nullable: true, format: 'uuid' })
  agencyId: string | null;

  @ApiProperty({ type: ConsentView })
  consent: ConsentView;

  @ApiProperty({ type: String, nullable: true, example: 'TH' })
  nominatedDestination: string | null;

  @ApiProperty({ format: 'date-time' })
  registeredAt: string;
}

/**
 * Registered anyway, but worth a look: another worker has the same name and birth date (not the
 * same document, which is refused). The other worker's id is given only to a caller who may see
 * that worker; an agency is not told which worker another agency registered.
 */
export class RegistrationWarningView {
  @ApiProperty({ enum: ['likely-duplicate'] })
  code: 'likely-duplicate';

  @ApiProperty({ example: 'registered, but this may be the same person: same name and birth date as worker 0192…, with another identity document' })
  detail: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only when the caller may see that worker' })
  existingWorkerId?: string;
}

export class RegisteredWorkerView {
  @ApiProperty({ format: 'uuid' })
  workerId: string;

  @ApiProperty({ format: 'uuid', description: 'The journey opened by the registration' })
  journeyId: string;

  @ApiProperty({ format: 'date-time' })
  registeredAt: string;

  @ApiProperty({ type: [RegistrationWarningView], description: 'Likely duplicates: other workers with the same name and birth date but another document' })
  warnings: RegistrationWarningView[];
}

export class NominationView {
  @ApiProperty({ format: 'uuid' })
  workerId: string;

  @ApiProperty({ format: 'uuid' })
  journeyId: string;

  @ApiProperty({ example: 'TH' })
  destination: string;

  @ApiProperty({ description: 'Person data went with the nomination (open corridor and consent to share)' })
  personDataShared: boolean;
}

export class ConsentWithdrawalView {
  @ApiProperty({ format: 'uuid' })
  workerId: string;

  @ApiProperty({ example: '2026-12-01', format: 'date' })
  withdrawnOn: string;
}
