import { Global, Module } from '@nestjs/common';
import { ACCESS_REFUSALS } from '@corridor/auth';
import { AccessRefusalLog } from './access-refusal-log';
import { AccessRefusalQuery } from './access-refusal.query';
import { AuditController } from './audit.controller';
import { AuditLogQuery } from './audit-log.query';
import { AuditSequencer } from './audit-sequencer';
import { AuditTrail } from './audit-trail';

/**
 * The audit log of one service: `AuditTrail` for feature modules to record with (global, like
 * the outbox), and the auditors' API. Needs the TypeORM DataSource with `AuditEntry` among its
 * entities and `AuditLog1763900000300`, `AccessRefusals1763900000310` and `AuditSealing1796400000300`
 * among its migrations. Also the refusal log the access guard writes to, and the sequencer that
 * seals entries into the chain (ADR 0020).
 */
@Global()
@Module({
  controllers: [AuditController],
  providers: [AuditTrail, AuditSequencer, AuditLogQuery, AccessRefusalLog, AccessRefusalQuery, { provide: ACCESS_REFUSALS, useExisting: AccessRefusalLog }],
  exports: [AuditTrail, AuditSequencer, AccessRefusalLog, ACCESS_REFUSALS],
})
export class AuditModule {}
