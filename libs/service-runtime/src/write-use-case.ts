import { Inject } from '@nestjs/common';
import { AuditTrail } from '@corridor/audit';
import { InjectNodeConfig, type NodeConfig } from '@corridor/config';
import { Outbox } from '@corridor/messaging';

/**
 * What every write use case of every service is given: the outbox (one transaction with the
 * events it publishes), the audit trail (its entry inside that transaction) and the node's
 * configuration. They are injected as properties, so a use case declares a constructor only for
 * what it needs besides them (none at all when it needs nothing more); they are set once the
 * instance is built, so a constructor must not use them.
 *
 *   @Injectable()
 *   export class RecordFeeUseCase extends WriteUseCase {
 *     constructor(@InjectFeeCaps() private readonly caps: FeeCaps) { super(); }
 *     execute(…) { return this.outbox.transaction(async ({ manager, publish }) => { … }); }
 *   }
 */
export abstract class WriteUseCase {
  @Inject(Outbox) protected readonly outbox!: Outbox;
  @Inject(AuditTrail) protected readonly audit!: AuditTrail;
  @InjectNodeConfig() protected readonly config!: NodeConfig;
}
