import { Body, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiConsumes, ApiQuery } from '@nestjs/swagger';
import { Access, CurrentOfficer, type Officer } from '@corridor/auth';
import { ApiController, ApiProblems, GetPage, GetView, IdempotentPost, type Page } from '@corridor/http';
import { ListMassReturnRowsQuery, UploadMassReturnCommand } from './mass-return.commands';
import { MassReturnBatchView, MassReturnRowView } from './mass-return.views';
import { MassReturnListRefused, ReturnNotRecordable } from './returns.errors';
import { UploadMassReturnUseCase } from './upload-mass-return.usecase';

/** Mass return at a border checkpoint: a list of up to 5,000 returnees, processed in the background. */
@ApiController('api/v1/mass-returns', { tag: 'mass-returns', forbidden: 'Another country, or a role that may not' })
export class MassReturnsController {
  constructor(private readonly upload: UploadMassReturnUseCase) {}

  @Access('mass-return.upload')
  @IdempotentPost({
    answers: MassReturnBatchView,
    description:
      'The list is taken: every row is kept with its outcome, refused rows at once with their reason, the others matched or recorded in the background (poll GET /api/v1/mass-returns/{id}). The same list again answers the first upload (alreadyUploaded) and creates nothing.',
  })
  @ApiConsumes('application/json', 'text/csv')
  @ApiQuery({ name: 'checkpoint', required: false, description: 'For text/csv: the border checkpoint' })
  @ApiQuery({ name: 'returnDate', required: false, description: 'For text/csv: the day they crossed, YYYY-MM-DD' })
  @ApiProblems(MassReturnListRefused, ReturnNotRecordable)
  take(
    @Body() command: UploadMassReturnCommand,
    @Query('checkpoint') checkpoint: string | undefined,
    @Query('returnDate') returnDate: string | undefined,
    @CurrentOfficer() officer: Officer,
  ): Promise<MassReturnBatchView> {
    return this.upload.execute(command, { checkpoint, returnDate }, officer);
  }

  @Access('mass-return.read', { resource: 'mass-return' })
  @GetView({ path: ':batchId', answers: MassReturnBatchView, description: 'The list and its progress', notFound: 'No such list, or not one the caller may see' })
  one(@Param('batchId', new ParseUUIDPipe()) batchId: string): Promise<MassReturnBatchView> {
    return this.upload.one(batchId);
  }

  @Access('mass-return.read', { resource: 'mass-return' })
  @GetPage({ path: ':batchId/rows', answers: MassReturnRowView, description: 'Every row and its outcome, in the order of the list' })
  rows(@Param('batchId', new ParseUUIDPipe()) batchId: string, @Query() query: ListMassReturnRowsQuery): Promise<Page<MassReturnRowView>> {
    return this.upload.rows(batchId, query);
  }
}
