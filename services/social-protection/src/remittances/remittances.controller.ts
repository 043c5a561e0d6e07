import { Body, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Access, CurrentOfficer, type Officer } from '@corridor/auth';
import { ApiController, GetPage, GetView, IdempotentPost, type Page } from '@corridor/http';
import { ListRemittancesQuery, RecordRemittanceCommand } from './remittance.commands';
import { RemittanceView } from './remittance.views';
import { ReadRemittancesUseCase } from './read-remittances.usecase';
import { RecordRemittanceUseCase } from './record-remittance.usecase';

/** Remittances the worker sent home, with their cost (SDG 10.c.1). */
@ApiController('api/v1/remittances', { tag: 'remittances', forbidden: 'Another country, or a role that may not' })
export class RemittancesController {
  constructor(
    private readonly recordRemittance: RecordRemittanceUseCase,
    private readonly readRemittances: ReadRemittancesUseCase,
  ) {}

  @Access('remittance.record')
  @IdempotentPost({ answers: RemittanceView, description: 'Recorded with its cost as a share of the amount; the other end receives it' })
  @ApiBadRequestResponse({ description: 'Missing, malformed or unknown fields (problem+json)' })
  @ApiUnprocessableEntityResponse({ description: 'A fee above the amount, a received amount without currency, a future day, or not an end of an open corridor (problem+json, remittance-not-recordable)' })
  record(@Body() command: RecordRemittanceCommand, @CurrentOfficer() officer: Officer): Promise<RemittanceView> {
    return this.recordRemittance.execute(command, officer);
  }

  @Access('remittance.read')
  @GetPage({ answers: RemittanceView, description: 'Remittances newest sent first; filters: journey, channel, sent from/to' })
  list(@Query() query: ListRemittancesQuery, @CurrentOfficer() officer: Officer): Promise<Page<RemittanceView>> {
    return this.readRemittances.list(query, officer);
  }

  @Access('remittance.read', { resource: 'remittance' })
  @GetView({ path: ':remittanceId', answers: RemittanceView, description: 'The remittance', notFound: 'No such remittance, or not one the caller may see' })
  one(@Param('remittanceId', new ParseUUIDPipe()) remittanceId: string, @CurrentOfficer() officer: Officer): Promise<RemittanceView> {
    return this.readRemittances.one(remittanceId, officer);
  }
}
