import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentOfficer, Access, type Officer } from '@corridor/auth';
import { ApiIdempotencyKey, ApiProblems, InvalidCalendarDate, InvalidPeriod } from '@corridor/http';
import type { Page } from '@corridor/http';
import { AgencyReasonCommand, ListAgenciesQuery, RegisterAgencyCommand, ReinstateAgencyCommand } from './agency.commands';
import type { AgencyView } from './agency-view';
import { ChangeAgencyLicenceUseCase } from './change-agency-licence.usecase';
import { ReadAgenciesUseCase } from './read-agencies.usecase';
import { RegisterAgencyUseCase } from './register-agency.usecase';
import { IllegalTransition } from '@corridor/state-machine';
import { LicenceNumberTaken } from './agencies.errors';

/** Recruitment agencies licensed by this node's ministry: licensed ⇄ suspended → revoked. */
@ApiTags('agencies')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'Another country, or a role that may not (problem+json)' })
@Controller('api/v1/agencies')
export class AgenciesController {
  constructor(
    private readonly registerAgency: RegisterAgencyUseCase,
    private readonly changeLicence: ChangeAgencyLicenceUseCase,
    private readonly readAgencies: ReadAgenciesUseCase,
  ) {}

  @Access('agency.register')
  @Post()
  @HttpCode(201)
  @ApiIdempotencyKey()
  @ApiCreatedResponse({ description: 'The agency is licensed (status licensed)' })
  @ApiBadRequestResponse({ description: 'Missing, malformed or unknown fields (problem+json)' })
  @ApiProblems(LicenceNumberTaken, InvalidCalendarDate, InvalidPeriod)
  register(@Body() command: RegisterAgencyCommand, @CurrentOfficer() officer: Officer): Promise<AgencyView> {
    return this.registerAgency.execute(command, officer);
  }

  @Access('agency.read')
  @Get()
  @ApiOkResponse({ description: 'Agencies, paged, filtered by status and registration date; agency staff see their own only' })
  list(@Query() query: ListAgenciesQuery, @CurrentOfficer() officer: Officer): Promise<Page<AgencyView>> {
    return this.readAgencies.list(query, officer);
  }

  @Access('agency.read', { resource: 'agency' })
  @Get(':agencyId')
  @ApiOkResponse({ description: 'The agency, whether it may recruit today and why not' })
  @ApiNotFoundResponse({ description: 'No such agency, or another agency than the caller’s (problem+json)' })
  one(@Param('agencyId', new ParseUUIDPipe()) agencyId: string, @CurrentOfficer() officer: Officer): Promise<AgencyView> {
    return this.readAgencies.one(agencyId, officer);
  }

  @Access('agency.change-licence', { resource: 'agency' })
  @Post(':agencyId/suspension')
  @HttpCode(201)
  @ApiIdempotencyKey()
  @ApiCreatedResponse({ description: 'The licence is suspended: the agency may not register or match workers' })
  @ApiProblems(IllegalTransition)
  suspend(@Param('agencyId', new ParseUUIDPipe()) agencyId: string, @Body() command: AgencyReasonCommand, @CurrentOfficer() officer: Officer): Promise<AgencyView> {
    return this.changeLicence.execute(agencyId, 'suspend', command.reason, officer);
  }

  @Access('agency.change-licence', { resource: 'agency' })
  @Post(':agencyId/reinstatement')
  @HttpCode(201)
  @ApiIdempotencyKey()
  @ApiCreatedResponse({ description: 'A suspended licence is valid again' })
  @ApiProblems(IllegalTransition)
  reinstate(@Param('agencyId', new ParseUUIDPipe()) agencyId: string, @Body() command: ReinstateAgencyCommand, @CurrentOfficer() officer: Officer): Promise<AgencyView> {
    return this.changeLicence.execute(agencyId, 'reinstate', command.reason ?? 'reinstated', officer);
  }

  @Access('agency.change-licence', { resource: 'agency' })
  @Post(':agencyId/revocation')
  @HttpCode(201)
  @ApiIdempotencyKey()
  @ApiCreatedResponse({ description: 'The licence is revoked for good (final state)' })
  @ApiProblems(IllegalTransition)
  revoke(@Param('agencyId', new ParseUUIDPipe()) agencyId: string, @Body() command: AgencyReasonCommand, @CurrentOfficer() officer: Officer): Promise<AgencyView> {
    return this.changeLicence.execute(agencyId, 'revoke', command.reason, officer);
  }
}
