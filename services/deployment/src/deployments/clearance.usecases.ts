import { Injectable } from '@nestjs/common';
import { create, fromJson, toBinary, type JsonValue } from '@bufbuild/protobuf';
import QRCode from 'qrcode';
import { v7 as uuidv7 } from 'uuid';
import type { Officer } from '@corridor/auth';
import { openCorridor } from '@corridor/config';
import { documentDigest, encodeSealed, sealForCountry, type CountryKeyring } from '@corridor/crypto';
import {
  ContractTermsSchema,
  ExitClearanceGrantedSchema,
  ExitClearanceRefusedSchema,
  ExitClearanceRevokedSchema,
  PersonDataSchema,
  PreDepartureInsuranceRecordedSchema,
  buildEvent,
} from '@corridor/events';
import { assertNotInFuture } from '@corridor/http';
import { Outbox } from '@corridor/messaging';
import { addDays, isoDay } from '@corridor/reference-data';
import { CLOCK, type Clock } from '@corridor/scheduler';
import { InjectPersonDataKeys, WriteUseCase } from '@corridor/service-runtime';
import { Inject } from '@nestjs/common';
import { ClearanceReadiness } from '../readiness/clearance-readiness.entity';
import { ClearanceSigner, signClearance } from './clearance-document';
import { deploymentFor } from './deployment-access';
import type { GrantExitClearanceCommand, RecordInsuranceCommand, RevokeClearanceCommand } from './deployment.commands';
import { Deployment } from './deployment.entity';
import { AlreadyCleared, DeploymentStepInvalid, ExitClearanceRefusedProblem } from './deployment.errors';
import { clearanceNumber, unmetClearanceConditions } from './deployment.rules';
import { recordStep } from './deployment-step';
import { deploymentView, type ExitClearanceView, type InsuranceView, type DeploymentView } from './deployment.views';

/** The origin's view of the journey: readiness kept from events, and its open corridor. */
async function readinessOf(outbox: Outbox, journeyId: string): Promise<ClearanceReadiness | null> {
  return outbox.transaction(({ manager }) => manager.findOneBy(ClearanceReadiness, { journeyId }));
}

/**
 * Exit clearance at origin: every condition checked (a refusal lists each unmet one and is an
 * event too), then the document signed with the node's key, and the identity sealed for the destination.
 */
@Injectable()
export class GrantExitClearanceUseCase extends WriteUseCase {
  constructor(
    @InjectPersonDataKeys() private readonly keys: CountryKeyring,
    private readonly signer: ClearanceSigner,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    super();
  }

  async execute(journeyId: string, command: GrantExitClearanceCommand, officer: Officer): Promise<ExitClearanceView> {
    const today = isoDay(this.clock.now());
    const readiness = await readinessOf(this.outbox, journeyId);
    const destination = readiness?.destination ?? '';
    const corridor = destination ? openCorridor(this.config, this.config.country, destination) : undefined;
    if (!corridor) throw new DeploymentStepInvalid(`journey ${journeyId} has no open corridor from ${this.config.country} known here (no verified contract or match received)`, 'journeyId');
    const contractMonths = Number((readiness?.verifiedTerms as { contractMonths?: number } | null)?.contractMonths ?? 0);
    const unmet = unmetClearanceConditions(readiness ? { ...readiness, contractMonths } : undefined, command.identity.documentExpiry, corridor.policy, today);
    if (unmet.length) {
      await this.outbox.transaction(async ({ manager, publish }) => {
        await this.audit.record(manager, { actor: officer, action: 'deployment.refuse-clearance', targetType: 'deployment', targetId: journeyId, reason: unmet.map((u) => u.condition).join(', ') });
        const { topic, event } = buildEvent({
          stage: 'deployment',
          by: officer,
          journeyId,
          corridor: { origin: this.config.country, destination },
          schema: ExitClearanceRefusedSchema,
          payload: create(ExitClearanceRefusedSchema, { workerId: readiness?.workerId ?? '', destination, unmet, refusedOn: today }),
        });
        await publish(topic, event);
      });
      throw new ExitClearanceRefusedProblem(journeyId, unmet);
    }
    const r = readiness as ClearanceReadiness;
    const clearanceId = uuidv7();
    const number = clearanceNumber(this.config.country, today, clearanceId);
    const terms = r.verifiedTerms ? fromJson(ContractTermsSchema, r.verifiedTerms as JsonValue) : undefined;
    const employer = terms?.employerName ?? '';
    const validUntil = addDays(today, corridor.policy.exitClearanceValidDays);
    const id = command.identity;
    const document = signClearance(
      { typ: 'corridor-exit-clearance', iss: this.config.country, no: number, journeyId, name: id.fullName, nameLatin: id.fullNameLatin, passport: id.documentNumber, destination, employer, validFrom: today, validUntil },
      this.signer.key,
    );
    const person = create(PersonDataSchema, { ...id });
    const recipient = this.keys.publicKeyOf(destination);
    const sealed = encodeSealed(sealForCountry(toBinary(PersonDataSchema, person), recipient, new TextEncoder().encode(journeyId)));
    const view = await this.outbox.transaction(async ({ manager, publish }) => {
      const existing = await manager.findOneBy(Deployment, { journeyId });
      if (existing) throw new AlreadyCleared(journeyId, existing.clearanceNumber);
      const at = new Date();
      const d = manager.create(Deployment, {
        journeyId,
        workerId: r.workerId,
        origin: this.config.country,
        destination,
        status: 'cleared',
        clearanceId,
        clearanceNumber: number,
        documentDigest: documentDigest(document),
        contractId: r.contractId ?? '',
        employerName: employer,
        verifiedTerms: r.verifiedTerms,
        validFrom: today,
        validUntil,
        revokedReason: null,
        personData: null,
        documentNumberIndex: null,
        flags: [],
        authoredBy: this.config.country,
        clearedAt: at,
        updatedAt: at,
      });
      await manager.save(Deployment, d);
      await this.audit.record(manager, { actor: officer, action: 'deployment.clear', targetType: 'deployment', targetId: journeyId, reason: `exit clearance ${number} until ${validUntil}` });
      const { topic, event } = buildEvent({
        stage: 'deployment',
        by: officer,
        journeyId,
        corridor: { origin: this.config.country, destination },
        occurredAt: at,
        encryptionKeyId: recipient.keyId,
        schema: ExitClearanceGrantedSchema,
        payload: create(ExitClearanceGrantedSchema, {
          clearanceId,
          clearanceNumber: number,
          workerId: r.workerId,
          destination,
          contractId: r.contractId ?? '',
          employerName: employer,
          validFrom: today,
          validUntil,
          keyId: this.signer.key.keyId,
          documentDigest: d.documentDigest,
          sealedPersonData: sealed,
          verifiedTerms: terms,
        }),
      });
      await publish(topic, event);
      return deploymentView(d);
    });
    return { deployment: view, document, qrCode: await qrCodeOf(document), keyId: this.signer.key.keyId };
  }
}

/** Pre-departure insurance, recorded at origin before clearance when the corridor requires it. */
@Injectable()
export class RecordInsuranceUseCase extends WriteUseCase {
  async execute(journeyId: string, command: RecordInsuranceCommand, officer: Officer): Promise<InsuranceView> {
    assertNotInFuture('coveredFrom', command.coveredFrom);
    if (command.coveredTo < command.coveredFrom) throw new DeploymentStepInvalid(`coveredTo ${command.coveredTo} is before coveredFrom ${command.coveredFrom}`, 'coveredTo');
    return this.outbox.transaction(async ({ manager, publish }) => {
      const readiness = await manager.findOneBy(ClearanceReadiness, { journeyId });
      const destination = readiness?.destination ?? '';
      if (!destination || !openCorridor(this.config, this.config.country, destination)) {
        throw new DeploymentStepInvalid(`journey ${journeyId} has no open corridor from ${this.config.country} known here`, 'journeyId');
      }
      const insuranceId = uuidv7();
      await manager.update(ClearanceReadiness, { journeyId }, { insuranceCoveredTo: command.coveredTo });
      await this.audit.record(manager, { actor: officer, action: 'deployment.record-insurance', targetType: 'deployment', targetId: journeyId, reason: `${command.insurer} ${command.policyNumber} until ${command.coveredTo}` });
      const { topic, event } = buildEvent({
        stage: 'deployment',
        by: officer,
        journeyId,
        corridor: { origin: this.config.country, destination },
        schema: PreDepartureInsuranceRecordedSchema,
        payload: create(PreDepartureInsuranceRecordedSchema, { insuranceId, workerId: readiness?.workerId ?? '', ...command }),
      });
      await publish(topic, event);
      return { journeyId, insuranceId, coveredTo: command.coveredTo };
    });
  }
}

/** The origin withdraws the clearance: its document verifies as revoked from now on. */
@Injectable()
export class RevokeClearanceUseCase extends WriteUseCase {
  async execute(journeyId: string, command: RevokeClearanceCommand, officer: Officer): Promise<DeploymentView> {
    return this.outbox.transaction(async (tx) => {
      const d = await deploymentFor(tx.manager, journeyId, this.config, 'origin', 'revoking a clearance');
      await recordStep(tx, this.audit, d, officer, 'revoke', ExitClearanceRevokedSchema, { clearanceId: d.clearanceId, clearanceNumber: d.clearanceNumber, reason: command.reason, revokedOn: isoDay() }, command.reason);
      return deploymentView(d);
    });
  }
}

/**
 * The document's QR code as an SVG data URL: vector, so it prints sharp at any size, and a
 * quarter of the CPU of a PNG (whose compression filters took most of a cohort's clearance time).
 */
async function qrCodeOf(document: string): Promise<string> {
  const svg = await QRCode.toString(document, { type: 'svg', errorCorrectionLevel: 'M' });
  return `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
}
