import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '@corridor/auth';
import { ApiProblems, InvalidPeriod } from '@corridor/http';
import { AccessRefusalPage, AccessRefusalQuery, AccessRefusalQueryDto } from './access-refusal.query';
import { AuditLogQuery } from './audit-log.query';
import { AuditQueryDto } from './audit.commands';
import { AuditPage, AuditVerifyView } from './audit-views';

/** The audit log of this service, for auditors and admins only. */
@ApiTags('audit')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'The caller is neither auditor nor admin (problem+json)' })
// An auditor reads the audit log of their own country's services only (the access model's node rule).
@Access('audit.read')
@Controller('api/v1/audit')
export class AuditController {
  constructor(
    private readonly auditLog: AuditLogQuery,
    private readonly refusals: AccessRefusalQuery,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Audit entries, newest first, filtered and paged by cursor' })
  @ApiOkResponse({ type: AuditPage })
  @ApiBadRequestResponse({ description: 'Unknown or malformed query parameters, limit above 200 (problem+json)' })
  @ApiProblems(InvalidPeriod)
  list(@Query() query: AuditQueryDto): Promise<AuditPage> {
    return this.auditLog.page(query);
  }

  @Get('verify')
  @ApiOperation({ summary: 'Recompute the hash chain: changed rows, broken links, deleted rows' })
  @ApiOkResponse({ type: AuditVerifyView, description: 'Always 200; intact is false when problems were found' })
  verify(): Promise<AuditVerifyView> {
    return this.auditLog.verify();
  }

  @Get('refusals')
  @ApiOperation({ summary: 'Refused access attempts (401, 403, 404 on objects not visible), counted per minute, newest first' })
  @ApiOkResponse({ type: AccessRefusalPage })
  refusalLog(@Query() query: AccessRefusalQueryDto): Promise<AccessRefusalPage> {
    return this.refusals.page(query);
  }
}
