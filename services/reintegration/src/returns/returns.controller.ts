import { Body, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { Access, CurrentOfficer, type Officer } from '@corridor/auth';
import { ApiController, ApiProblems, GetPage, GetView, IdempotentPost, type Page } from '@corridor/http';
import { RecordReturnUseCase } from './record-return.usecase';
import { ReadReturnsUseCase } from './read-returns.usecase';
import { ListReturnsQuery, RecordReturnCommand } from './returns.commands';
import { ReturnAlreadyRecorded, ReturnNotRecordable } from './returns.errors';
import { ReturnView } from './return.views';

/** Returns, recorded by either end of the corridor. */
@ApiController('api/v1/returns', { tag: 'returns', forbidden: 'Another country, or a role that may not' })
export class ReturnsController {
  constructor(
    private readonly recordReturn: RecordReturnUseCase,
    private readonly readReturns: ReadReturnsUseCase,
  ) {}

  @Access('return.record')
  @IdempotentPost({ answers: ReturnView, description: 'The return is recorded; a happened return closes the deployment at both ends and opens the reintegration case at origin' })
  @ApiProblems(ReturnAlreadyRecorded, ReturnNotRecordable)
  record(@Body() command: RecordReturnCommand, @CurrentOfficer() officer: Officer): Promise<ReturnView> {
    return this.recordReturn.execute(command, officer);
  }

  @Access('return.read')
  @GetPage({ answers: ReturnView, description: 'Returns of journeys of this node, newest first' })
  list(@Query() query: ListReturnsQuery, @CurrentOfficer() officer: Officer): Promise<Page<ReturnView>> {
    return this.readReturns.list(query, officer);
  }

  @Access('return.read', { resource: 'return' })
  @GetView({ path: ':returnId', answers: ReturnView, description: 'The return', notFound: 'No such return, or not one the caller may see' })
  one(@Param('returnId', new ParseUUIDPipe()) returnId: string): Promise<ReturnView> {
    return this.readReturns.one(returnId);
  }
}
