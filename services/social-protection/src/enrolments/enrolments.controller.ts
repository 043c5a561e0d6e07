import { Body, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Access, CurrentOfficer, type Officer } from '@corridor/auth';
import { ApiController, GetPage, GetView, IdempotentPost, type Page } from '@corridor/http';
import { ListEnrolmentsQuery, ListSchemesQuery, ListUninsuredFlagsQuery, RecordEnrolmentCommand } from './enrolment.commands';
import { EnrolmentView, SchemeView, UninsuredFlagView } from './enrolment.views';
import { ReadEnrolmentsUseCase } from './read-enrolments.usecase';
import { RecordEnrolmentUseCase } from './record-enrolment.usecase';

/** Enrolments in the destination's schemes, at either end; the uninsured flags of the scheduled check. */
@ApiController('api/v1', { tag: 'enrolments', forbidden: 'Another country, or a role that may not' })
export class EnrolmentsController {
  constructor(
    private readonly recordEnrolment: RecordEnrolmentUseCase,
    private readonly readEnrolments: ReadEnrolmentsUseCase,
  ) {}

  @Access('enrolment.read')
  @GetView({ path: 'schemes', answers: SchemeView, isArray: true, description: "The destination's schemes (reference data, infra/config/social-protection.json)" })
  @ApiBadRequestResponse({ description: 'No destination, or not a country code (problem+json)' })
  schemes(@Query() query: ListSchemesQuery): SchemeView[] {
    return this.readEnrolments.schemes(query.destination);
  }

  @Access('enrolment.record')
  @IdempotentPost({ path: 'enrolments', answers: EnrolmentView, description: 'Recorded; the other end receives it (member number sealed); a health insurance clears an uninsured flag' })
  @ApiBadRequestResponse({ description: 'Missing, malformed or unknown fields (problem+json)' })
  @ApiUnprocessableEntityResponse({ description: 'Unknown scheme of the destination, coverage dates the wrong way round, or not an end of an open corridor (problem+json, enrolment-not-recordable)' })
  record(@Body() command: RecordEnrolmentCommand, @CurrentOfficer() officer: Officer): Promise<EnrolmentView> {
    return this.recordEnrolment.execute(command, officer);
  }

  @Access('enrolment.read')
  @GetPage({ path: 'enrolments', answers: EnrolmentView, description: 'Enrolments newest first; filters: journey, kind, coverage from/to' })
  list(@Query() query: ListEnrolmentsQuery, @CurrentOfficer() officer: Officer): Promise<Page<EnrolmentView>> {
    return this.readEnrolments.list(query, officer);
  }

  @Access('enrolment.read', { resource: 'enrolment' })
  @GetView({ path: 'enrolments/:enrolmentId', answers: EnrolmentView, description: 'The enrolment', notFound: 'No such enrolment, or not one the caller may see' })
  one(@Param('enrolmentId', new ParseUUIDPipe()) enrolmentId: string, @CurrentOfficer() officer: Officer): Promise<EnrolmentView> {
    return this.readEnrolments.one(enrolmentId, officer);
  }

  @Access('enrolment.read')
  @GetPage({ path: 'uninsured-flags', answers: UninsuredFlagView, description: 'Workers found without health insurance N days after arrival; filters: journey, raised or cleared, flagged from/to' })
  flags(@Query() query: ListUninsuredFlagsQuery, @CurrentOfficer() officer: Officer): Promise<Page<UninsuredFlagView>> {
    return this.readEnrolments.flags(query, officer);
  }
}
