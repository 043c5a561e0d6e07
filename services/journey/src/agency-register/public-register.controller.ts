import { Controller, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '@corridor/auth';
import { GetView } from '@corridor/http';
import { AgencySearchQuery, PublicAgencyView, PublicAgencyWithRecordView } from './public-agency.views';
import { ReadPublicAgenciesUseCase } from './read-public-agencies.usecase';

/**
 * The register of licensed agencies, for anyone (the public portal, ADR 0028): no sign-in, no
 * person data, no journey ids; an unknown licence number answers like any other unknown one.
 */
@ApiTags('public')
@Public()
@Controller('api/v1/public/agencies')
export class PublicRegisterController {
  constructor(private readonly agencies: ReadPublicAgenciesUseCase) {}

  @GetView({ answers: PublicAgencyView, isArray: true, description: 'Agencies whose name contains q, or whose licence number is q (at most 20, by name)' })
  search(@Query() query: AgencySearchQuery): Promise<PublicAgencyView[]> {
    return this.agencies.search(query.q);
  }

  @GetView({ path: ':licenceNumber', answers: PublicAgencyWithRecordView, description: 'The agency’s licence and its record over twelve months, small cells withheld', notFound: 'No agency with this licence number' })
  one(@Param('licenceNumber') licenceNumber: string): Promise<PublicAgencyWithRecordView> {
    return this.agencies.one(String(licenceNumber).slice(0, 80));
  }
}
