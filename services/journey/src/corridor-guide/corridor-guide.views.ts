import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MoneyView } from '@corridor/http';

export class GuideContactView {
  @ApiProperty() name: string;
  @ApiProperty() phone: string;
  @ApiProperty() hours: string;
}

/** One corridor's rules as a prospective migrant needs them (configuration, and one statistic). */
export class CorridorGuideView {
  @ApiProperty({ example: 'KH' }) origin: string;
  @ApiProperty({ example: 'TH' }) destination: string;
  @ApiProperty({ type: MoneyView, description: 'The most a worker may be charged in recruitment fees; 0 where the employer pays' }) feeCap: MoneyView;
  @ApiProperty({ type: [String], example: ['passport', 'medical-check'] }) workerMayPayFor: string[];
  @ApiProperty({ type: [String] }) contractTerms: string[];
  @ApiProperty({ type: [String] }) documents: string[];
  @ApiProperty({ description: 'Months of the first work permit' }) workPermitMonths: number;
  @ApiProperty({ description: 'Days within which a grievance is answered' }) grievanceResponseDays: number;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Median days from registration to departure over twelve months (statistics, days-to-departure); null when withheld or none departed' }) medianDaysToDeparture: number | null;
  @ApiProperty({ type: [GuideContactView] }) contacts: GuideContactView[];
}
