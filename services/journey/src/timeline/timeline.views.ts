import { ApiProperty } from '@nestjs/swagger';

/** A flag not yet resolved, e.g. a fee breach; one with blocksDeparture stops exit clearance. */
export class OpenFlagView {
  @ApiProperty({ format: 'uuid' })
  flagId: string;

  @ApiProperty({ example: 'fee-breach' })
  kind: string;

  @ApiProperty()
  reason: string;

  @ApiProperty()
  blocksDeparture: boolean;

  @ApiProperty({ format: 'date-time' })
  raisedAt: string;
}

/** Who caused an event: the node's country, and the agency and officer when an officer did. */
export class EventActorView {
  @ApiProperty({ example: 'KH' })
  country: string;

  @ApiProperty({ type: String, nullable: true })
  agencyId: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Null for the system actor (a replica, a scheduled job)' })
  officerId: string | null;
}

export class TimelineEntryView {
  @ApiProperty({ format: 'uuid' })
  eventId: string;

  @ApiProperty({ example: 'corridor.v1.WorkerNominated' })
  eventType: string;

  @ApiProperty({ example: 'recruitment' })
  stage: string;

  @ApiProperty({ format: 'date-time' })
  occurredAt: string;

  @ApiProperty({ type: EventActorView })
  recordedBy: EventActorView;

  @ApiProperty({ type: 'object', additionalProperties: true, description: "The event's payload without person data" })
  details: Record<string, unknown>;
}

/** A journey's stage changes in the order they happened, as this country node received them. */
export class TimelineView {
  @ApiProperty({ format: 'uuid' })
  journeyId: string;

  @ApiProperty({ example: 'KH' })
  origin: string;

  @ApiProperty({ type: String, nullable: true, example: 'TH' })
  destination: string | null;

  @ApiProperty({ type: [OpenFlagView] })
  openFlags: OpenFlagView[];

  @ApiProperty({ type: [TimelineEntryView] })
  entries: TimelineEntryView[];
}
