import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@corridor/audit';
import { InjectNodeConfig, type NodeConfig } from '@corridor/config';
import { Outbox } from '@corridor/messaging';

/**
 * What every write use case of every service is given: the outbox (one transaction with the
 * events it publishes), the audit trail (its entry inside that transaction) and the node's
 * configuration. A use case that needs only these extends it and declares no constructor; one
 * that needs more declares its own.
 *
 *   @Injectable()
 *   export class RejectContractUseCase extends WriteUseCase {
 *     execute(…) { return this.outbox.transaction(async ({ manager, publish }) => { … }); }
 *   }
 */
@Injectable()
export abstract class WriteUseCase {
  constructor(
    protected readonly outbox: Outbox,
    protected readonly audit: AuditTrail,
    @InjectNodeConfig() protected readonly config: NodeConfig,
  ) {}
}
