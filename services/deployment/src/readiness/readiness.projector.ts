import { Controller } from '@nestjs/common';
import { toJson, type JsonObject } from '@bufbuild/protobuf';
import type { EntityManager } from 'typeorm';
import {
  ContractAmendedSchema,
  ContractSide,
  ContractSubstitutionDetectedSchema,
  ContractSubstitutionResolvedSchema,
  ContractTermsSchema,
  ContractVerifiedSchema,
  FeeBreachFlaggedSchema,
  FeeBreachResolvedSchema,
  OrientationCompletedSchema,
  WorkerMatchedSchema,
  WorkerNominatedSchema,
} from '@corridor/events';
import { HandlesEvent, type ReceivedEvent, type ReceivedEventOf } from '@corridor/messaging';
import { ClearanceReadiness } from './clearance-readiness.entity';

/**
 * Keeps clearance_readiness from the events of recruitment and contracts (both nodes record
 * some of them), so exit clearance asks no other service. Each handler is idempotent (sets or
 * set-adds), which the inbox makes exactly-once anyway.
 */
@Controller()
export class ReadinessProjector {
  private async change(event: ReceivedEvent, change: (r: ClearanceReadiness) => void): Promise<void> {
    const manager: EntityManager = event.manager;
    const journeyId = event.envelope.journeyId;
    await manager.query('INSERT INTO clearance_readiness (journey_id) VALUES ($1) ON CONFLICT DO NOTHING', [journeyId]);
    const r = await manager.findOneOrFail(ClearanceReadiness, { where: { journeyId }, lock: { mode: 'pessimistic_write' } });
    const destination = event.envelope.corridor?.destination;
    if (destination && !r.destination) r.destination = destination;
    change(r);
    await manager.save(ClearanceReadiness, r);
  }

  @HandlesEvent(WorkerNominatedSchema)
  onNominated(event: ReceivedEventOf<typeof WorkerNominatedSchema>): Promise<void> {
    return this.change(event, (r) => {
      r.workerId = event.payload.workerId;
      r.destination = event.payload.destination;
    });
  }

  @HandlesEvent(WorkerMatchedSchema)
  onMatched(event: ReceivedEventOf<typeof WorkerMatchedSchema>): Promise<void> {
    return this.change(event, (r) => {
      r.workerId = event.payload.workerId;
      r.destination = event.payload.destination;
    });
  }

  @HandlesEvent(OrientationCompletedSchema)
  onOrientationCompleted(event: ReceivedEventOf<typeof OrientationCompletedSchema>): Promise<void> {
    return this.change(event, (r) => {
      r.workerId ||= event.payload.workerId;
      r.orientationCompleted = true;
    });
  }

  @HandlesEvent(FeeBreachFlaggedSchema)
  onFeeBreach(event: ReceivedEventOf<typeof FeeBreachFlaggedSchema>): Promise<void> {
    return this.change(event, (r) => {
      if (event.payload.blocksDeparture && !r.openFeeBreaches.includes(event.payload.breachId)) r.openFeeBreaches = [...r.openFeeBreaches, event.payload.breachId];
    });
  }

  @HandlesEvent(FeeBreachResolvedSchema)
  onFeeBreachResolved(event: ReceivedEventOf<typeof FeeBreachResolvedSchema>): Promise<void> {
    return this.change(event, (r) => {
      r.openFeeBreaches = r.openFeeBreaches.filter((id) => id !== event.payload.breachId);
    });
  }

  /**
   * Verified by both sides: the terms the worker leaves under. The side that verifies second says
   * so (fully verified), but only if the first side's event had reached it: when both verify at
   * about the same time neither event says it, so each side's verification of one version and
   * round is kept and the two together count too (a fault-suite journey was refused clearance for
   * good this way).
   */
  @HandlesEvent(ContractVerifiedSchema)
  onContractVerified(event: ReceivedEventOf<typeof ContractVerifiedSchema>): Promise<void> {
    const p = event.payload;
    return this.change(event, (r) => {
      r.contractId = p.contractId;
      const same = r.contractVerifications?.version === p.version && r.contractVerifications.round === p.round;
      const sides = new Set([...(same ? r.contractVerifications!.sides : []), p.side]);
      r.contractVerifications = { version: p.version, round: p.round, sides: [...sides].sort() };
      if (p.fullyVerified || (sides.has(ContractSide.ORIGIN) && sides.has(ContractSide.DESTINATION))) {
        r.contractVerified = true;
        r.verifiedTerms = p.terms ? (toJson(ContractTermsSchema, p.terms) as JsonObject) : r.verifiedTerms;
      }
    });
  }

  /** An amendment must be signed and verified again. */
  @HandlesEvent(ContractAmendedSchema)
  onContractAmended(event: ReceivedEventOf<typeof ContractAmendedSchema>): Promise<void> {
    return this.change(event, (r) => {
      r.contractVerified = false;
      r.contractVerifications = null;
    });
  }

  @HandlesEvent(ContractSubstitutionDetectedSchema)
  onSubstitution(event: ReceivedEventOf<typeof ContractSubstitutionDetectedSchema>): Promise<void> {
    return this.change(event, (r) => {
      if (event.payload.blocksDeparture && !r.openSubstitutionFlags.includes(event.payload.flagId)) r.openSubstitutionFlags = [...r.openSubstitutionFlags, event.payload.flagId];
    });
  }

  @HandlesEvent(ContractSubstitutionResolvedSchema)
  onSubstitutionResolved(event: ReceivedEventOf<typeof ContractSubstitutionResolvedSchema>): Promise<void> {
    return this.change(event, (r) => {
      r.openSubstitutionFlags = r.openSubstitutionFlags.filter((id) => id !== event.payload.flagId);
    });
  }
}
