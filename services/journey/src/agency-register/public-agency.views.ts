import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class AgencySearchQuery {
  @ApiProperty({ example: 'Angkor', description: 'Part of the agency’s name, or its licence number (2 to 80 characters)' })
  @IsString()
  @Length(2, 80)
  q: string;
}

/** What the public may know of an agency: its licence, nothing about the people who run or used it. */
export class PublicAgencyView {
  @ApiProperty({ example: 'Angkor Manpower Co.' }) name: string;
  @ApiProperty({ example: 'KH-MOL-2024-0042' }) licenceNumber: string;
  @ApiProperty({ enum: ['licensed', 'suspended', 'revoked'] }) status: string;
  @ApiProperty({ example: '2024-01-01' }) licenceValidFrom: string;
  @ApiProperty({ example: '2027-12-31' }) licenceValidTo: string;
  @ApiPropertyOptional({ type: String, format: 'date', example: '2026-03-02', nullable: true, description: 'The day the suspension or revocation took effect; null while licensed' }) statusSince: string | null;
  @ApiProperty({ description: 'Licensed, and today within the licence’s validity: the agency may recruit today' }) mayRecruitToday: boolean;
}

export class AgencyRecordRowView {
  @ApiProperty({ example: 'placed', description: 'placed, fee-breaches, contract-substitutions, grievances-<outcome>' }) measure: string;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Null when withheld (fewer workers behind it than minCell)' }) count: number | null;
  @ApiProperty({ enum: [0, 1] }) suppressed: number;
}

export class AgencyRecordView {
  @ApiProperty({ example: '2025-03-31', description: 'The twelve months counted: after this day…' }) from: string;
  @ApiProperty({ example: '2026-03-31', description: '…up to and including this day' }) to: string;
  @ApiProperty({ description: 'Cells of fewer workers are withheld' }) minCell: number;
  @ApiProperty({ type: [AgencyRecordRowView] }) rows: AgencyRecordRowView[];
}

export class PublicAgencyWithRecordView extends PublicAgencyView {
  @ApiProperty({ type: AgencyRecordView }) record: AgencyRecordView;
}
