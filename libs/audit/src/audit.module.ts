import { Global, Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { AuditLogQuery } from './audit-log.query';
import { AuditTrail } from './audit-trail';

/**
 * The audit log of one service: `AuditTrail` for feature modules to record with (global, like
 * the outbox), and the auditors' API. Needs the TypeORM DataSource with `AuditEntry` among its
 * entities and `AuditLog1763900000300` among its migrations.
 */
@Global()
@Module({
  controllers: [AuditController],
  providers: [AuditTrail, AuditLogQuery],
  exports: [AuditTrail],
})
export class AuditModule {}
