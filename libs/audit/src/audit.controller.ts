import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { RequireRoles } from '@corridor/auth';
import { NodeOfficersOnlyGuard } from '@corridor/config';
import { AuditLogQuery } from './audit-log.query';
import { AuditQueryDto } from './audit-query.dto';
import { AuditPage, AuditVerifyView } from './audit-views';

/** The audit log of this service, for auditors and admins only. */
@ApiTags('audit')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'The caller is neither auditor nor admin (problem+json)' })
@RequireRoles('auditor', 'admin')
// An auditor reads the audit log of their own country's services only.
@UseGuards(NodeOfficersOnlyGuard)
@Controller('api/v1/audit')
export class AuditController {
  constructor(private readonly auditLog: AuditLogQuery) {}

  @Get()
  @ApiOperation({ summary: 'Audit entries, newest first, filtered and paged by cursor' })
  @ApiOkResponse({ type: AuditPage })
  @ApiBadRequestResponse({ description: 'Unknown or malformed query parameters, limit above 200 (problem+json)' })
  @ApiUnprocessableEntityResponse({ description: 'from is not before to (problem+json)' })
  list(@Query() query: AuditQueryDto): Promise<AuditPage> {
    return this.auditLog.page(query);
  }

  @Get('verify')
  @ApiOperation({ summary: 'Recompute the hash chain: changed rows, broken links, deleted rows' })
  @ApiOkResponse({ type: AuditVerifyView, description: 'Always 200; intact is false when problems were found' })
  verify(): Promise<AuditVerifyView> {
    return this.auditLog.verify();
  }
}
