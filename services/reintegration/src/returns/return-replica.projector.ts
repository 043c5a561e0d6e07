import { Controller } from '@nestjs/common';
import { AuditTrail } from '@corridor/audit';
import { InjectNodeConfig, type NodeConfig } from '@corridor/config';
import { ReturnRecordedSchema, occurredAt, sexName, systemActor } from '@corridor/events';
import { HandlesEvent, type ReceivedEventOf } from '@corridor/messaging';
import { CaseOpener } from '../cases/case-opener';
import { immediateWrites } from './chunk-writes';
import { ReturnRecord } from './return-record.entity';
import { returnSideName, returnStatusName, returnTypeName } from './return.rules';

/**
 * The other end's returns: the destination's report of a departure home reaches the origin (which
 * opens the reintegration case once it happened), the origin's re-entry reaches the destination.
 * Its own events come back on the corridor topic and are skipped.
 */
@Controller()
export class ReturnReplicaProjector {
  constructor(
    private readonly audit: AuditTrail,
    private readonly cases: CaseOpener,
    @InjectNodeConfig() private readonly config: NodeConfig,
  ) {}

  @HandlesEvent(ReturnRecordedSchema)
  async onReturnRecorded(event: ReceivedEventOf<typeof ReturnRecordedSchema>): Promise<void> {
    const { envelope, payload: p, manager } = event;
    if (envelope.recordedBy?.country === this.config.country) return;
    const at = occurredAt(envelope);
    const status = returnStatusName(p.status) ?? 'happened';
    const existing = await manager.findOneBy(ReturnRecord, { journeyId: envelope.journeyId });
    // A happened return is final on the replica too; a restated plan replaces the plan.
    if (existing?.status === 'happened') return;
    await manager.save(ReturnRecord, {
      id: existing?.id ?? p.returnId,
      journeyId: envelope.journeyId,
      status,
      type: returnTypeName(p.type) ?? 'early',
      returnDate: p.returnDate,
      checkpoint: p.checkpoint,
      recordedBySide: returnSideName(p.recordedBy) ?? 'destination',
      origin: envelope.corridor?.origin ?? '',
      destination: envelope.corridor?.destination || null,
      returnedFrom: p.returnedFrom,
      sex: sexName(p.sex),
      reason: p.reason,
      batchId: p.massReturnBatchId || null,
      rowKey: null,
      authoredBy: envelope.recordedBy?.country ?? '',
      recordedBy: envelope.recordedBy?.officerId || 'unknown',
      recordedAt: at,
    });
    await this.audit.recordReplicated(manager, { replica: 'return-replica', country: this.config.country, event: envelope, action: 'return.replicate', targetType: 'return', targetId: p.returnId });
    if (status === 'happened' && envelope.corridor?.origin === this.config.country) {
      await this.cases.openOnReturn(manager, immediateWrites(manager, (topic, e) => event.publish(topic, e)), {
        journeyId: envelope.journeyId,
        returnId: existing?.id ?? p.returnId,
        origin: this.config.country,
        sex: sexName(p.sex),
        by: systemActor(this.config.country, 'reintegration'),
        at,
      });
    }
  }
}
