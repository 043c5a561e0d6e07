import { Controller, Logger } from '@nestjs/common';
import { AuditTrail } from '@corridor/audit';
import { InjectNodeConfig, type NodeConfig } from '@corridor/config';
import { WelfareCaseClosedSchema, WelfareCaseNotedSchema, WelfareCaseOpenedSchema, WelfareCaseReferredSchema, occurredAt } from '@corridor/events';
import { HandlesEvent, logLeftOut, type ReceivedEvent, type ReceivedEventOf } from '@corridor/messaging';
import { WELFARE_CASE_LIFECYCLE, type WelfareCaseAction } from '@corridor/state-machine';
import type { EntityManager } from 'typeorm';
import { CaseTextCipher } from '../shared/case-text';
import { WELFARE_KIND_WIRE } from '../shared/wire';
import { WelfareCase } from './welfare-case.entity';
import { WelfareLedger } from './welfare-ledger';

/**
 * The other end's welfare-case steps on this node, through the same lifecycle as the use cases: a
 * step it forbids here is left out and logged. Own events skipped; redeliveries change nothing.
 */
@Controller()
export class WelfareCaseReplicaProjector {
  private readonly logger = new Logger(WelfareCaseReplicaProjector.name);

  constructor(
    private readonly audit: AuditTrail,
    @InjectNodeConfig() private readonly config: NodeConfig,
    private readonly ledger: WelfareLedger,
    private readonly text: CaseTextCipher,
  ) {}

  @HandlesEvent(WelfareCaseOpenedSchema)
  async onOpened(event: ReceivedEventOf<typeof WelfareCaseOpenedSchema>): Promise<void> {
    if (this.isOwn(event)) return;
    const p = event.payload;
    if (await event.manager.existsBy(WelfareCase, { id: p.caseId })) return;
    const kind = WELFARE_KIND_WIRE.fromWire(p.kind);
    if (!kind) return logLeftOut(this.logger, event, `unknown welfare case kind ${p.kind}`);
    await this.ledger.open(
      event.manager,
      {
        id: p.caseId,
        journeyId: event.envelope.journeyId,
        origin: event.envelope.corridor?.origin ?? '',
        destination: event.envelope.corridor?.destination ?? '',
        kind,
        status: 'open',
        openedOn: p.openedOn,
        referredTo: null,
        closedOn: null,
        outcome: null,
        openedByCountry: event.envelope.recordedBy?.country ?? '',
        openedBy: event.envelope.recordedBy?.officerId || 'unknown',
        openedAt: occurredAt(event.envelope),
      },
      this.text.openFromEvent(p.sealedCaseText, event.envelope.journeyId) ?? '',
    );
    await this.replicated(event, 'welfare-case.replicate-open', p.caseId);
  }

  @HandlesEvent(WelfareCaseNotedSchema)
  onNoted(event: ReceivedEventOf<typeof WelfareCaseNotedSchema>): Promise<void> {
    const p = event.payload;
    return this.step(event, p.caseId, 'note', async (manager, c) => {
      await this.ledger.note(
        manager,
        { id: p.noteId, caseId: c.id, notedOn: p.notedOn, byCountry: event.envelope.recordedBy?.country ?? '', byOfficer: event.envelope.recordedBy?.officerId || 'unknown', recordedAt: occurredAt(event.envelope) },
        this.text.openFromEvent(p.sealedCaseText, event.envelope.journeyId) ?? '',
      );
    });
  }

  @HandlesEvent(WelfareCaseReferredSchema)
  onReferred(event: ReceivedEventOf<typeof WelfareCaseReferredSchema>): Promise<void> {
    const p = event.payload;
    return this.step(event, p.caseId, 'refer', async (manager, c) => {
      await manager.update(WelfareCase, { id: c.id }, { status: c.status, referredTo: p.referredTo });
    });
  }

  @HandlesEvent(WelfareCaseClosedSchema)
  onClosed(event: ReceivedEventOf<typeof WelfareCaseClosedSchema>): Promise<void> {
    const p = event.payload;
    return this.step(event, p.caseId, 'close', async (manager, c) => {
      await manager.update(WelfareCase, { id: c.id }, { status: c.status, closedOn: p.closedOn, outcome: p.outcome });
    });
  }

  private async step(event: ReceivedEvent, caseId: string, action: WelfareCaseAction, apply: (manager: EntityManager, c: WelfareCase) => Promise<void>): Promise<void> {
    if (this.isOwn(event)) return;
    const c = await event.manager.findOne(WelfareCase, { where: { id: caseId }, lock: { mode: 'pessimistic_write' } });
    if (!c) return logLeftOut(this.logger, event, `welfare case ${caseId} is not held here`);
    const refused = WELFARE_CASE_LIFECYCLE.refusal(c, action);
    if (refused) return logLeftOut(this.logger, event, refused.message);
    c.status = WELFARE_CASE_LIFECYCLE.next(c, action);
    await apply(event.manager, c);
    await this.replicated(event, `welfare-case.replicate-${action}`, caseId);
  }

  private isOwn(event: ReceivedEvent): boolean {
    return event.envelope.recordedBy?.country === this.config.country;
  }

  private async replicated(event: ReceivedEvent, action: string, targetId: string): Promise<void> {
    await this.audit.recordReplicated(event.manager, { replica: 'welfare-case-replica', country: this.config.country, event: event.envelope, action, targetType: 'welfare-case', targetId });
  }
}
