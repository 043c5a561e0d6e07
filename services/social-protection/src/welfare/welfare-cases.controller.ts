import { Body, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Access, CurrentOfficer, type Officer } from '@corridor/auth';
import { ApiController, GetPage, GetView, IdempotentPost, type Page } from '@corridor/http';
import { AddWelfareNoteCommand, CloseWelfareCaseCommand, ListWelfareCasesQuery, OpenWelfareCaseCommand, ReferWelfareCaseCommand } from './welfare-case.commands';
import { WelfareCaseView } from './welfare-case.views';
import { ReadWelfareCasesUseCase } from './read-welfare-cases.usecase';
import { WelfareCasesUseCase } from './welfare-cases.usecase';

const BAD = 'Missing, malformed or unknown fields (problem+json)';
const STATE = 'Not allowed in the case state, e.g. a note on a closed case (problem+json, illegal-transition)';
const NOT_FOUND = 'No such case, or not one the caller may see';

/** Welfare and health cases of workers abroad, kept by both ends. */
@ApiController('api/v1/welfare-cases', { tag: 'welfare-cases', forbidden: 'Another country, or a role that may not' })
export class WelfareCasesController {
  constructor(
    private readonly cases: WelfareCasesUseCase,
    private readonly readCases: ReadWelfareCasesUseCase,
  ) {}

  @Access('welfare-case.record')
  @IdempotentPost({ answers: WelfareCaseView, description: 'Opened; the other end receives it (summary sealed)' })
  @ApiBadRequestResponse({ description: BAD })
  @ApiUnprocessableEntityResponse({ description: 'A future day, or not an end of an open corridor (problem+json, welfare-case-rule-broken)' })
  open(@Body() command: OpenWelfareCaseCommand, @CurrentOfficer() officer: Officer): Promise<WelfareCaseView> {
    return this.cases.open(command, officer);
  }

  @Access('welfare-case.read')
  @GetPage({ answers: WelfareCaseView, description: 'Cases newest first; filters: journey, status, kind, opened from/to' })
  list(@Query() query: ListWelfareCasesQuery, @CurrentOfficer() officer: Officer): Promise<Page<WelfareCaseView>> {
    return this.readCases.list(query, officer);
  }

  @Access('welfare-case.read', { resource: 'welfare-case' })
  @GetView({ path: ':caseId', answers: WelfareCaseView, description: 'The case and its notes', notFound: NOT_FOUND })
  one(@Param('caseId', new ParseUUIDPipe()) caseId: string, @CurrentOfficer() officer: Officer): Promise<WelfareCaseView> {
    return this.readCases.one(caseId, officer);
  }

  @Access('welfare-case.record', { resource: 'welfare-case' })
  @IdempotentPost({ path: ':caseId/notes', answers: WelfareCaseView, description: 'Noted', notFound: NOT_FOUND })
  @ApiBadRequestResponse({ description: BAD })
  @ApiConflictResponse({ description: STATE })
  @ApiUnprocessableEntityResponse({ description: 'A future day (problem+json, welfare-case-rule-broken)' })
  note(@Param('caseId', new ParseUUIDPipe()) caseId: string, @Body() command: AddWelfareNoteCommand, @CurrentOfficer() officer: Officer): Promise<WelfareCaseView> {
    return this.cases.note(caseId, command, officer);
  }

  @Access('welfare-case.record', { resource: 'welfare-case' })
  @IdempotentPost({ path: ':caseId/referrals', answers: WelfareCaseView, description: 'Referred to a service', notFound: NOT_FOUND })
  @ApiBadRequestResponse({ description: BAD })
  @ApiConflictResponse({ description: STATE })
  @ApiUnprocessableEntityResponse({ description: 'A future day (problem+json, welfare-case-rule-broken)' })
  refer(@Param('caseId', new ParseUUIDPipe()) caseId: string, @Body() command: ReferWelfareCaseCommand, @CurrentOfficer() officer: Officer): Promise<WelfareCaseView> {
    return this.cases.refer(caseId, command, officer);
  }

  @Access('welfare-case.record', { resource: 'welfare-case' })
  @IdempotentPost({ path: ':caseId/closure', answers: WelfareCaseView, description: 'Closed with an outcome', notFound: NOT_FOUND })
  @ApiBadRequestResponse({ description: BAD })
  @ApiConflictResponse({ description: STATE })
  @ApiUnprocessableEntityResponse({ description: 'A future day (problem+json, welfare-case-rule-broken)' })
  close(@Param('caseId', new ParseUUIDPipe()) caseId: string, @Body() command: CloseWelfareCaseCommand, @CurrentOfficer() officer: Officer): Promise<WelfareCaseView> {
    return this.cases.close(caseId, command, officer);
  }
}
