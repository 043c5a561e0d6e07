import { Controller, Logger } from '@nestjs/common';
import { fromBinary, toJson, type JsonObject } from '@bufbuild/protobuf';
import { AuditTrail } from '@corridor/audit';
import { InjectNodeConfig, type NodeConfig } from '@corridor/config';
import { openSealed, type CountryKeyring } from '@corridor/crypto';
import {
  ArrivalConfirmedSchema,
  ArrivalDiscrepancyFlaggedSchema,
  BorderCrossedSchema,
  ContractTermsSchema,
  DepartureRecordedSchema,
  EmployerChangedSchema,
  ExitClearanceGrantedSchema,
  ExitClearanceRevokedSchema,
  MissingArrivalFlaggedSchema,
  PersonDataSchema,
  WorkPermitExpiredFlaggedSchema,
  WorkPermitExpiringFlaggedSchema,
  WorkPermitExtendedSchema,
  WorkPermitIssuedSchema,
  occurredAt,
} from '@corridor/events';
import { HandlesEvent, logLeftOut, type ReceivedEvent, type ReceivedEventOf } from '@corridor/messaging';
import type { DeploymentAction } from '@corridor/state-machine';
import { InjectPersonDataKeys } from '@corridor/service-runtime';
import { applyStep, stepRefusal } from './deployment-steps';
import { Deployment } from './deployment.entity';

/**
 * The other end's deployment steps applied to this node's copy, through the same state machine
 * and effects as the use cases (deployment-steps.ts). Its own events come back on the corridor
 * topic and are skipped. The destination opens the identity sealed for it in the clearance and
 * keeps it encrypted at rest, with a blind index of the document number for name lists.
 */
@Controller()
export class DeploymentReplicaProjector {
  private readonly logger = new Logger(DeploymentReplicaProjector.name);

  constructor(
    private readonly audit: AuditTrail,
    @InjectNodeConfig() private readonly config: NodeConfig,
    @InjectPersonDataKeys() private readonly keys: CountryKeyring,
  ) {}

  private own(event: ReceivedEvent): boolean {
    return event.envelope.recordedBy?.country === this.config.country;
  }

  @HandlesEvent(ExitClearanceGrantedSchema)
  async onGranted(event: ReceivedEventOf<typeof ExitClearanceGrantedSchema>): Promise<void> {
    const p = event.payload;
    const journeyId = event.envelope.journeyId;
    if (this.own(event) || (await event.manager.existsBy(Deployment, { journeyId }))) return;
    let personData: string | null = null;
    let documentNumberIndex: string | null = null;
    if (p.sealedPersonData.length && p.destination === this.config.country) {
      const person = fromBinary(PersonDataSchema, openSealed(p.sealedPersonData, this.keys.privateTransitKeys, new TextEncoder().encode(journeyId)));
      personData = this.keys.fieldCipher.encrypt(JSON.stringify({ fullName: person.fullName, fullNameLatin: person.fullNameLatin, documentNumber: person.documentNumber }), journeyId);
      documentNumberIndex = this.keys.blindIndex.index(person.documentNumber);
    }
    const at = occurredAt(event.envelope);
    await event.manager.save(Deployment, {
      journeyId,
      workerId: p.workerId,
      origin: event.envelope.corridor?.origin ?? '',
      destination: p.destination,
      status: 'cleared',
      clearanceId: p.clearanceId,
      clearanceNumber: p.clearanceNumber,
      documentDigest: p.documentDigest,
      contractId: p.contractId,
      employerName: p.employerName,
      verifiedTerms: p.verifiedTerms ? (toJson(ContractTermsSchema, p.verifiedTerms) as JsonObject) : null,
      validFrom: p.validFrom,
      validUntil: p.validUntil,
      revokedReason: null,
      personData,
      documentNumberIndex,
      flags: [],
      authoredBy: event.envelope.recordedBy?.country ?? '',
      clearedAt: at,
      updatedAt: at,
    });
    await this.recordAudit(event, journeyId, 'deployment.replicate-clear');
  }

  @HandlesEvent(ExitClearanceRevokedSchema)
  onRevoked(event: ReceivedEventOf<typeof ExitClearanceRevokedSchema>) {
    return this.step(event, 'revoke');
  }

  @HandlesEvent(DepartureRecordedSchema)
  onDeparted(event: ReceivedEventOf<typeof DepartureRecordedSchema>) {
    return this.step(event, 'depart');
  }

  @HandlesEvent(BorderCrossedSchema)
  onCrossed(event: ReceivedEventOf<typeof BorderCrossedSchema>) {
    return this.step(event, 'cross');
  }

  @HandlesEvent(ArrivalConfirmedSchema)
  onArrived(event: ReceivedEventOf<typeof ArrivalConfirmedSchema>) {
    return this.step(event, 'confirm-arrival');
  }

  @HandlesEvent(ArrivalDiscrepancyFlaggedSchema)
  onDiscrepancy(event: ReceivedEventOf<typeof ArrivalDiscrepancyFlaggedSchema>) {
    return this.step(event, 'report-discrepancy');
  }

  @HandlesEvent(MissingArrivalFlaggedSchema)
  onMissing(event: ReceivedEventOf<typeof MissingArrivalFlaggedSchema>) {
    return this.step(event, 'flag-missing');
  }

  @HandlesEvent(WorkPermitIssuedSchema)
  onPermit(event: ReceivedEventOf<typeof WorkPermitIssuedSchema>) {
    return this.step(event, 'issue-permit');
  }

  @HandlesEvent(WorkPermitExtendedSchema)
  onExtended(event: ReceivedEventOf<typeof WorkPermitExtendedSchema>) {
    return this.step(event, 'extend-permit');
  }

  @HandlesEvent(WorkPermitExpiringFlaggedSchema)
  onExpiring(event: ReceivedEventOf<typeof WorkPermitExpiringFlaggedSchema>) {
    return this.step(event, 'flag-permit');
  }

  @HandlesEvent(WorkPermitExpiredFlaggedSchema)
  onExpired(event: ReceivedEventOf<typeof WorkPermitExpiredFlaggedSchema>) {
    return this.step(event, 'flag-permit');
  }

  @HandlesEvent(EmployerChangedSchema)
  onEmployerChanged(event: ReceivedEventOf<typeof EmployerChangedSchema>) {
    return this.step(event, 'change-employer');
  }

  private async step(event: ReceivedEvent, action: DeploymentAction): Promise<void> {
    if (this.own(event)) return;
    const journeyId = event.envelope.journeyId;
    const d = await event.manager.findOne(Deployment, { where: { journeyId }, lock: { mode: 'pessimistic_write' } });
    if (!d) {
      return logLeftOut(this.logger, event, `no deployment of journey ${journeyId} held here`);
    }
    const refused = stepRefusal(d, action);
    if (refused) return logLeftOut(this.logger, event, refused.message);
    applyStep(d, action, event.payload as never, occurredAt(event.envelope));
    await event.manager.save(Deployment, d);
    await this.recordAudit(event, journeyId, `deployment.replicate-${action}`);
  }

  private recordAudit(event: ReceivedEvent, journeyId: string, action: string) {
    return this.audit.recordReplicated(event.manager, { replica: 'deployment-replica', country: this.config.country, event: event.envelope, action, targetType: 'deployment', targetId: journeyId });
  }
}
