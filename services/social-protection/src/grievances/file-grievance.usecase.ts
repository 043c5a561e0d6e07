import { Inject, Injectable } from '@nestjs/common';
import { create } from '@bufbuild/protobuf';
import { v7 as uuidv7 } from 'uuid';
import type { EntityManager } from 'typeorm';
import type { Officer } from '@corridor/auth';
import { GrievanceFiledSchema, buildEvent, type EventRecorder } from '@corridor/events';
import { type OutboxTransaction } from '@corridor/messaging';
import { WriteUseCase } from '@corridor/service-runtime';
import { CaseTextCipher } from '../shared/case-text';
import { assertActsOnCorridor, sideOf } from '../shared/journey-corridor';
import { PROTECTION_POLICIES, type GrievanceCategoryName, type ProtectionPolicies } from '../shared/protection-policy';
import { CATEGORY_WIRE, SIDE_WIRE } from '../shared/wire';
import type { FileGrievanceCommand } from './grievance.commands';
import { GrievanceRuleBroken } from './grievance.errors';
import { GrievanceLedger } from './grievance-ledger';
import { AS_FILED, Grievance } from './grievance.entity';
import { deadlineOf, whyNotFileable } from './grievance.rules';
import type { GrievanceView } from './grievance.views';

/**
 * An officer of either end files a grievance for the worker. It goes to the destination's queue
 * (the handling country) with a deadline from its category; the event takes it, the description
 * sealed, to the other end.
 */
@Injectable()
export class FileGrievanceUseCase extends WriteUseCase {
  constructor(
    @Inject(PROTECTION_POLICIES) private readonly policies: ProtectionPolicies,
    private readonly ledger: GrievanceLedger,
    private readonly text: CaseTextCipher,
  ) {
    super();
  }

  async execute(command: FileGrievanceCommand, officer: Officer, today = new Date()): Promise<GrievanceView> {
    const breach = whyNotFileable(command, this.config, today);
    if (breach) throw new GrievanceRuleBroken(breach.reason, breach.field);
    assertActsOnCorridor(officer, 'grievance.file', this.config, command);
    return this.outbox.transaction(({ manager, publish }) => this.file(manager, publish, command, officer));
  }

  /**
   * Files a grievance checked by the caller, inside its transaction: the row, its first step, the
   * audit entry and the event. `by` is the officer, or the public portal's actor for a worker's own
   * report (whose journey id is the grievance's own id until an officer links it).
   */
  async file(manager: EntityManager, publish: OutboxTransaction['publish'], command: FileGrievanceCommand, by: EventRecorder, id = uuidv7()): Promise<GrievanceView> {
    const category = command.category as GrievanceCategoryName;
    const deadlineOn = deadlineOf(category, command.filedOn, this.policies(command.destination));
    const at = new Date();
    const sealed = this.text.sealForOtherEnd(command.description, command.journeyId, command);
    const { topic, event } = buildEvent({
      stage: 'social-protection',
      by,
      journeyId: command.journeyId,
      corridor: { origin: command.origin, destination: command.destination },
      occurredAt: at,
      schema: GrievanceFiledSchema,
      encryptionKeyId: sealed.encryptionKeyId,
      payload: create(GrievanceFiledSchema, {
        grievanceId: id,
        category: CATEGORY_WIRE.toWire(category),
        filedBySide: SIDE_WIRE.toWire(sideOf(this.config.country, command)),
        filedOn: command.filedOn,
        deadlineOn,
        handlingCountry: command.destination,
        sealedCaseText: sealed.sealedCaseText,
      }),
    });
    const grievance = {
      id,
      journeyId: command.journeyId,
      origin: command.origin,
      destination: command.destination,
      handlingCountry: command.destination,
      category,
      filedByCountry: this.config.country,
      filedBy: by.subject,
      filedOn: command.filedOn,
      deadlineOn,
      ...AS_FILED,
      filedAt: at,
    };
    await this.ledger.file(manager, grievance, command.description, { eventId: event.eventId, country: this.config.country, officer: by.subject, at });
    await this.audit.record(manager, { actor: by, action: 'grievance.file', targetType: 'grievance', targetId: id, reason: category });
    await publish(topic, event);
    return this.ledger.view(manager, await manager.findOneByOrFail(Grievance, { id }));
  }
}
