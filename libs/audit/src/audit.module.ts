import { Global, Module } from '@nestjs/common';
import { ACCESS_REFUSALS } from '@corridor/auth';
import { AccessRefusalLog } from './access-refusal-log';
import { AccessRefusalQuery } from './access-refusal.query';
import { AuditController } from './audit.controller';
import { AuditLogQuery } from './audit-log.query';
import { AuditTrail } from './audit-trail';

/**
 * The audit log of one service: `AuditTrail` for feature modules to record with (global, like
 * the outbox), and the auditors' API. Needs the TypeORM DataSource with `AuditEntry` among its
 * entities and `AuditLog1763900000300` and `AccessRefusals1763900000310` among its migrations. Also the
 * refusal log the access guard writes to.
 */
@Global()
@Module({
  controllers: [AuditController],
  providers: [AuditTrail, AuditLogQuery, AccessRefusalLog, AccessRefusalQuery, { provide: ACCESS_REFUSALS, useExisting: AccessRefusalLog }],
  exports: [AuditTrail, AccessRefusalLog, ACCESS_REFUSALS],
})
export class AuditModule {}
