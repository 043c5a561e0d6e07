import { Body, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBadRequestResponse } from '@nestjs/swagger';
import { CurrentOfficer, Access, type Officer } from '@corridor/auth';
import { ApiController, ApiProblems, GetPage, GetView, IdempotentPost, InvalidCalendarDate, InvalidPeriod, type Page } from '@corridor/http';
import { AgencyReasonCommand, ListAgenciesQuery, RegisterAgencyCommand, ReinstateAgencyCommand } from './agency.commands';
import { AgencyView } from './agency.views';
import { ChangeAgencyLicenceUseCase } from './change-agency-licence.usecase';
import { ReadAgenciesUseCase } from './read-agencies.usecase';
import { RegisterAgencyUseCase } from './register-agency.usecase';
import { IllegalTransition } from '@corridor/state-machine';
import { LicenceNumberTaken } from './agencies.errors';

/** Recruitment agencies licensed by this node's ministry: licensed ⇄ suspended → revoked. */
@ApiController('api/v1/agencies', { tag: 'agencies', forbidden: 'Another country, or a role that may not' })
export class AgenciesController {
  constructor(
    private readonly registerAgency: RegisterAgencyUseCase,
    private readonly changeLicence: ChangeAgencyLicenceUseCase,
    private readonly readAgencies: ReadAgenciesUseCase,
  ) {}

  @Access('agency.register')
  @IdempotentPost({ answers: AgencyView, description: 'The agency is licensed (status licensed)' })
  @ApiBadRequestResponse({ description: 'Missing, malformed or unknown fields (problem+json)' })
  @ApiProblems(LicenceNumberTaken, InvalidCalendarDate, InvalidPeriod)
  register(@Body() command: RegisterAgencyCommand, @CurrentOfficer() officer: Officer): Promise<AgencyView> {
    return this.registerAgency.execute(command, officer);
  }

  @Access('agency.read')
  @GetPage({ answers: AgencyView, description: 'Agencies, paged, filtered by status and registration date; agency staff see their own only' })
  list(@Query() query: ListAgenciesQuery, @CurrentOfficer() officer: Officer): Promise<Page<AgencyView>> {
    return this.readAgencies.list(query, officer);
  }

  @Access('agency.read', { resource: 'agency' })
  @GetView({ path: ':agencyId', answers: AgencyView, description: 'The agency, whether it may recruit today and why not', notFound: 'No such agency, or another agency than the caller’s' })
  one(@Param('agencyId', new ParseUUIDPipe()) agencyId: string, @CurrentOfficer() officer: Officer): Promise<AgencyView> {
    return this.readAgencies.one(agencyId, officer);
  }

  @Access('agency.change-licence', { resource: 'agency' })
  @IdempotentPost({ path: ':agencyId/suspension', answers: AgencyView, description: 'The licence is suspended: the agency may not register or match workers' })
  @ApiProblems(IllegalTransition)
  suspend(@Param('agencyId', new ParseUUIDPipe()) agencyId: string, @Body() command: AgencyReasonCommand, @CurrentOfficer() officer: Officer): Promise<AgencyView> {
    return this.changeLicence.execute(agencyId, 'suspend', command.reason, officer);
  }

  @Access('agency.change-licence', { resource: 'agency' })
  @IdempotentPost({ path: ':agencyId/reinstatement', answers: AgencyView, description: 'A suspended licence is valid again' })
  @ApiProblems(IllegalTransition)
  reinstate(@Param('agencyId', new ParseUUIDPipe()) agencyId: string, @Body() command: ReinstateAgencyCommand, @CurrentOfficer() officer: Officer): Promise<AgencyView> {
    return this.changeLicence.execute(agencyId, 'reinstate', command.reason ?? 'reinstated', officer);
  }

  @Access('agency.change-licence', { resource: 'agency' })
  @IdempotentPost({ path: ':agencyId/revocation', answers: AgencyView, description: 'The licence is revoked for good (final state)' })
  @ApiProblems(IllegalTransition)
  revoke(@Param('agencyId', new ParseUUIDPipe()) agencyId: string, @Body() command: AgencyReasonCommand, @CurrentOfficer() officer: Officer): Promise<AgencyView> {
    return this.changeLicence.execute(agencyId, 'revoke', command.reason, officer);
  }
}
