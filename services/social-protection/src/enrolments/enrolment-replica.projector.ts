import { Controller, Logger } from '@nestjs/common';
import { AuditTrail } from '@corridor/audit';
import { InjectNodeConfig, type NodeConfig } from '@corridor/config';
import { SchemeEnrolmentRecordedSchema, WorkerUninsuredFlagClearedSchema, WorkerUninsuredFlaggedSchema, occurredAt } from '@corridor/events';
import { HandlesEvent, logLeftOut, type ReceivedEvent, type ReceivedEventOf } from '@corridor/messaging';
import { CaseTextCipher } from '../shared/case-text';
import { SCHEME_KIND_WIRE } from '../shared/wire';
import { SchemeEnrolment } from './scheme-enrolment.entity';
import { UninsuredFlag } from './uninsured-flag.entity';

/**
 * The other end's enrolments and uninsured flags on this node. Own events come back on the topic
 * and are skipped; a redelivery finds the row and changes nothing.
 */
@Controller()
export class EnrolmentReplicaProjector {
  private readonly logger = new Logger(EnrolmentReplicaProjector.name);

  constructor(
    private readonly audit: AuditTrail,
    @InjectNodeConfig() private readonly config: NodeConfig,
    private readonly text: CaseTextCipher,
  ) {}

  @HandlesEvent(SchemeEnrolmentRecordedSchema)
  async onRecorded(event: ReceivedEventOf<typeof SchemeEnrolmentRecordedSchema>): Promise<void> {
    if (this.isOwn(event)) return;
    const p = event.payload;
    if (await event.manager.existsBy(SchemeEnrolment, { id: p.enrolmentId })) return;
    const kind = SCHEME_KIND_WIRE.fromWire(p.kind);
    if (!kind) return logLeftOut(this.logger, event, `unknown scheme kind ${p.kind}`);
    const memberNumber = this.text.openFromEvent(p.sealedCaseText, event.envelope.journeyId) ?? '';
    await event.manager.insert(SchemeEnrolment, {
      id: p.enrolmentId,
      journeyId: event.envelope.journeyId,
      origin: event.envelope.corridor?.origin ?? '',
      destination: event.envelope.corridor?.destination ?? '',
      kind,
      schemeCode: p.schemeCode,
      memberNumberEnc: this.text.atRest(memberNumber, 'scheme_enrolment.member_number', p.enrolmentId),
      coverageFrom: p.coverageFrom,
      coverageUntil: p.coverageUntil || null,
      recordedByCountry: event.envelope.recordedBy?.country ?? '',
      recordedBy: event.envelope.recordedBy?.officerId || 'unknown',
      recordedAt: occurredAt(event.envelope),
    });
    await this.replicated(event, 'enrolment.replicate-record', 'enrolment', p.enrolmentId);
  }

  @HandlesEvent(WorkerUninsuredFlaggedSchema)
  async onFlagged(event: ReceivedEventOf<typeof WorkerUninsuredFlaggedSchema>): Promise<void> {
    if (this.isOwn(event)) return;
    const p = event.payload;
    await event.manager
      .createQueryBuilder()
      .insert()
      .into(UninsuredFlag)
      .values({
        id: p.flagId,
        journeyId: event.envelope.journeyId,
        origin: event.envelope.corridor?.origin ?? '',
        destination: event.envelope.corridor?.destination ?? '',
        arrivedOn: p.arrivedOn,
        daysAllowed: p.daysAllowed,
        flaggedOn: p.flaggedOn,
        clearedOn: null,
        clearedByEnrolment: null,
        recordedAt: occurredAt(event.envelope),
      })
      .orIgnore()
      .execute();
    await this.replicated(event, 'uninsured-flag.replicate-raise', 'uninsured-flag', p.flagId);
  }

  @HandlesEvent(WorkerUninsuredFlagClearedSchema)
  async onCleared(event: ReceivedEventOf<typeof WorkerUninsuredFlagClearedSchema>): Promise<void> {
    if (this.isOwn(event)) return;
    const p = event.payload;
    const updated = await event.manager.update(UninsuredFlag, { id: p.flagId }, { clearedOn: p.clearedOn, clearedByEnrolment: p.enrolmentId });
    if (!updated.affected) return logLeftOut(this.logger, event, `uninsured flag ${p.flagId} is not held here`);
    await this.replicated(event, 'uninsured-flag.replicate-clear', 'uninsured-flag', p.flagId);
  }

  private isOwn(event: ReceivedEvent): boolean {
    return event.envelope.recordedBy?.country === this.config.country;
  }

  private async replicated(event: ReceivedEvent, action: string, targetType: string, targetId: string): Promise<void> {
    await this.audit.recordReplicated(event.manager, { replica: 'enrolment-replica', country: this.config.country, event: event.envelope, action, targetType, targetId });
  }
}
