import { Get, Header, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiOperation } from '@nestjs/swagger';
import { Access } from '@corridor/auth';
import { ApiController, GetView } from '@corridor/http';
import { ReadStatisticsUseCase } from './read-statistics.usecase';
import { StatTableInfoView, StatTableView, StatisticsQuery } from './statistics.views';

/**
 * Labour-migration statistics of this node (docs/statistics.md), for statisticians: aggregates
 * only, every table by sex, small cells withheld. Each table names the ILO 20th ICLS (2018)
 * concept or SDG indicator it follows: outflows, inflows, stock-abroad and stock-with-permit
 * (international migrant workers, for-work international migrants), returns (return
 * international migrant workers), days-to-departure, recruitment-fees, sdg-10-7-1, grievances,
 * contract-substitutions, sdg-10-c-1, reintegration-cases. The JSON and the CSV of a table are
 * built from the same rows and agree to the unit.
 */
@ApiController('api/v1/statistics', { tag: 'statistics', forbidden: 'Another country, or a role that may not (statistician, admin)' })
export class StatisticsController {
  constructor(private readonly statistics: ReadStatisticsUseCase) {}

  @Access('statistics.read')
  @GetView({ answers: StatTableInfoView, isArray: true, description: 'The tables, each with the ILO 20th ICLS (2018) concept or SDG indicator it follows' })
  tables(): StatTableInfoView[] {
    return this.statistics.tables();
  }

  @Access('statistics.read')
  @GetView({ path: ':table', answers: StatTableView, description: 'One table for a period, by sex, small cells withheld', notFound: 'No such table' })
  table(@Param('table') table: string, @Query() query: StatisticsQuery): Promise<StatTableView> {
    return this.statistics.table(table, query);
  }

  @Access('statistics.read')
  @Get(':table/csv')
  @ApiOperation({ summary: 'One statistics table as CSV' })
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'The same table as CSV (RFC 4180): the header is the columns, withheld values empty', schema: { type: 'string' } })
  csv(@Param('table') table: string, @Query() query: StatisticsQuery): Promise<string> {
    return this.statistics.csv(table, query);
  }
}
