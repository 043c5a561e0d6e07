import { Injectable, Logger } from '@nestjs/common';
import { AuditTrail } from '@corridor/audit';
import { InjectNodeConfig, type NodeConfig } from '@corridor/config';
import type { ReceivedEvent } from '@corridor/messaging';

/**
 * What a projector of events into this node's tables holds: the audit trail each applied event is
 * recorded in, this node's configuration (whose country tells its own events apart) and a logger
 * under its own name. Subclasses declare only their handlers.
 */
@Injectable()
export abstract class NodeEventProjector {
  protected readonly logger = new Logger(this.constructor.name);

  constructor(
    protected readonly audit: AuditTrail,
    @InjectNodeConfig() protected readonly config: NodeConfig,
  ) {}

  /** Recorded by this node itself (a corridor topic brings it back to its sender): its own tables hold it already. */
  protected isOwn(event: ReceivedEvent): boolean {
    return event.envelope.recordedBy?.country === this.config.country;
  }
}
