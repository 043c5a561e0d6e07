import { Inject, Injectable } from '@nestjs/common';
import { create } from '@bufbuild/protobuf';
import { IsNull } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import type { Officer } from '@corridor/auth';
import { SchemeEnrolmentRecordedSchema, WorkerUninsuredFlagClearedSchema, buildEvent } from '@corridor/events';
import { isoDay } from '@corridor/reference-data';
import { WriteUseCase } from '@corridor/service-runtime';
import { CaseTextCipher } from '../shared/case-text';
import { assertActsOnCorridor, sideOf } from '../shared/journey-corridor';
import { PROTECTION_POLICIES, type ProtectionPolicies } from '../shared/protection-policy';
import { SCHEME_KIND_WIRE, SIDE_WIRE } from '../shared/wire';
import type { RecordEnrolmentCommand } from './enrolment.commands';
import { EnrolmentNotRecordable } from './enrolment.errors';
import { checkEnrolment, insuresHealthOn } from './enrolment.rules';
import { enrolmentView, type EnrolmentView } from './enrolment.views';
import { SchemeEnrolment } from './scheme-enrolment.entity';
import { UninsuredFlag } from './uninsured-flag.entity';

/**
 * An officer of either end records the worker's enrolment in a scheme of the destination. A
 * health-insurance enrolment that covers today clears a raised uninsured flag, in the same
 * transaction, and says so to the other end.
 */
@Injectable()
export class RecordEnrolmentUseCase extends WriteUseCase {
  constructor(
    @Inject(PROTECTION_POLICIES) private readonly policies: ProtectionPolicies,
    private readonly text: CaseTextCipher,
  ) {
    super();
  }

  async execute(command: RecordEnrolmentCommand, officer: Officer): Promise<EnrolmentView> {
    const checked = checkEnrolment(command, this.config, this.policies(command.destination));
    if ('breach' in checked) throw new EnrolmentNotRecordable(checked.breach.reason, checked.breach.field);
    assertActsOnCorridor(officer, 'enrolment.record', this.config, command);
    return this.outbox.transaction(async ({ manager, publish }) => {
      const enrolment: SchemeEnrolment = {
        id: uuidv7(),
        journeyId: command.journeyId,
        origin: command.origin,
        destination: command.destination,
        kind: checked.scheme.kind,
        schemeCode: checked.scheme.code,
        memberNumberEnc: '',
        coverageFrom: command.coverageFrom,
        coverageUntil: command.coverageUntil ?? null,
        recordedByCountry: this.config.country,
        recordedBy: officer.subject,
        recordedAt: new Date(),
      };
      enrolment.memberNumberEnc = this.text.atRest(command.memberNumber, 'scheme_enrolment.member_number', enrolment.id);
      await manager.insert(SchemeEnrolment, enrolment);
      await this.audit.record(manager, { actor: officer, action: 'enrolment.record', targetType: 'enrolment', targetId: enrolment.id, reason: enrolment.schemeCode });
      const sealed = this.text.sealForOtherEnd(command.memberNumber, command.journeyId, command);
      const corridor = { origin: command.origin, destination: command.destination };
      const recorded = buildEvent({
        stage: 'social-protection',
        by: officer,
        journeyId: command.journeyId,
        corridor,
        occurredAt: enrolment.recordedAt,
        schema: SchemeEnrolmentRecordedSchema,
        encryptionKeyId: sealed.encryptionKeyId,
        payload: create(SchemeEnrolmentRecordedSchema, {
          enrolmentId: enrolment.id,
          kind: SCHEME_KIND_WIRE.toWire(checked.scheme.kind),
          schemeCode: enrolment.schemeCode,
          coverageFrom: enrolment.coverageFrom,
          coverageUntil: enrolment.coverageUntil ?? '',
          side: SIDE_WIRE.toWire(sideOf(this.config.country, command)),
          sealedCaseText: sealed.sealedCaseText,
        }),
      });
      await publish(recorded.topic, recorded.event);
      const today = isoDay();
      const flag = await manager.findOne(UninsuredFlag, { where: { journeyId: command.journeyId, clearedOn: IsNull() }, lock: { mode: 'pessimistic_write' } });
      if (flag && insuresHealthOn(enrolment, today)) {
        await manager.update(UninsuredFlag, { id: flag.id }, { clearedOn: today, clearedByEnrolment: enrolment.id });
        const cleared = buildEvent({
          stage: 'social-protection',
          by: officer,
          journeyId: command.journeyId,
          corridor,
          schema: WorkerUninsuredFlagClearedSchema,
          causedBy: recorded.event,
          payload: create(WorkerUninsuredFlagClearedSchema, { flagId: flag.id, enrolmentId: enrolment.id, clearedOn: today }),
        });
        await publish(cleared.topic, cleared.event);
      }
      return enrolmentView(enrolment, command.memberNumber);
    });
  }
}
