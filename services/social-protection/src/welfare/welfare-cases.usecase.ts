import { Injectable } from '@nestjs/common';
import { create } from '@bufbuild/protobuf';
import { v7 as uuidv7 } from 'uuid';
import type { Officer } from '@corridor/auth';
import { WelfareCaseClosedSchema, WelfareCaseNotedSchema, WelfareCaseOpenedSchema, WelfareCaseReferredSchema, buildEvent, type OutboxEvent } from '@corridor/events';
import { WELFARE_CASE_LIFECYCLE, type WelfareCaseAction } from '@corridor/state-machine';
import { WriteUseCase } from '@corridor/service-runtime';
import type { EntityManager } from 'typeorm';
import { CaseTextCipher } from '../shared/case-text';
import { whyNotADayThatHasBegun } from '../shared/days';
import { assertActsOnCorridor, sideOf, visibleTo, whyNotOnCorridor } from '../shared/journey-corridor';
import { SIDE_WIRE, WELFARE_KIND_WIRE, type WelfareKindName } from '../shared/wire';
import type { AddWelfareNoteCommand, CloseWelfareCaseCommand, OpenWelfareCaseCommand, ReferWelfareCaseCommand } from './welfare-case.commands';
import { WelfareCase } from './welfare-case.entity';
import { WelfareCaseRuleBroken } from './welfare-case.errors';
import type { WelfareCaseView } from './welfare-case.views';
import { WelfareLedger } from './welfare-ledger';

/**
 * Welfare and health cases: opened, noted, referred and closed by officers of either end (both
 * look after the worker), through the welfare-case lifecycle; every step travels to the other end.
 */
@Injectable()
export class WelfareCasesUseCase extends WriteUseCase {
  constructor(
    private readonly ledger: WelfareLedger,
    private readonly text: CaseTextCipher,
  ) {
    super();
  }

  async open(command: OpenWelfareCaseCommand, officer: Officer, today = new Date()): Promise<WelfareCaseView> {
    const breach = whyNotOnCorridor(command, this.config) ?? whyNotADayThatHasBegun('openedOn', command.openedOn, today);
    if (breach) throw new WelfareCaseRuleBroken(breach.reason, breach.field);
    assertActsOnCorridor(officer, 'welfare-case.record', this.config, command);
    return this.outbox.transaction(async ({ manager, publish }) => {
      const record = {
        id: uuidv7(),
        journeyId: command.journeyId,
        origin: command.origin,
        destination: command.destination,
        kind: command.kind,
        status: 'open' as const,
        openedOn: command.openedOn,
        referredTo: null,
        closedOn: null,
        outcome: null,
        openedByCountry: this.config.country,
        openedBy: officer.subject,
        openedAt: new Date(),
      };
      await this.ledger.open(manager, record, command.summary);
      await this.audit.record(manager, { actor: officer, action: 'welfare-case.open', targetType: 'welfare-case', targetId: record.id, reason: command.kind });
      const sealed = this.text.sealForOtherEnd(command.summary, command.journeyId, command);
      const { topic, event } = buildEvent({
        stage: 'social-protection',
        by: officer,
        journeyId: command.journeyId,
        corridor: { origin: command.origin, destination: command.destination },
        occurredAt: record.openedAt,
        schema: WelfareCaseOpenedSchema,
        encryptionKeyId: sealed.encryptionKeyId,
        payload: create(WelfareCaseOpenedSchema, {
          caseId: record.id,
          kind: WELFARE_KIND_WIRE.toWire(command.kind as WelfareKindName),
          side: SIDE_WIRE.toWire(sideOf(this.config.country, command)),
          openedOn: command.openedOn,
          sealedCaseText: sealed.sealedCaseText,
        }),
      });
      await publish(topic, event);
      return this.ledger.view(manager, await manager.findOneByOrFail(WelfareCase, { id: record.id }));
    });
  }

  note(id: string, command: AddWelfareNoteCommand, officer: Officer, today = new Date()): Promise<WelfareCaseView> {
    const breach = whyNotADayThatHasBegun('notedOn', command.notedOn, today);
    if (breach) throw new WelfareCaseRuleBroken(breach.reason, breach.field);
    return this.step(id, officer, 'note', async (manager, c) => {
      const noteId = uuidv7();
      await this.ledger.note(manager, { id: noteId, caseId: c.id, notedOn: command.notedOn, byCountry: this.config.country, byOfficer: officer.subject, recordedAt: new Date() }, command.text);
      const sealed = this.text.sealForOtherEnd(command.text, c.journeyId, c);
      return this.event(officer, c, WelfareCaseNotedSchema, create(WelfareCaseNotedSchema, { caseId: c.id, noteId, notedOn: command.notedOn, sealedCaseText: sealed.sealedCaseText }), sealed.encryptionKeyId);
    });
  }

  refer(id: string, command: ReferWelfareCaseCommand, officer: Officer, today = new Date()): Promise<WelfareCaseView> {
    const breach = whyNotADayThatHasBegun('referredOn', command.referredOn, today);
    if (breach) throw new WelfareCaseRuleBroken(breach.reason, breach.field);
    return this.step(id, officer, 'refer', async (manager, c) => {
      await manager.update(WelfareCase, { id: c.id }, { status: c.status, referredTo: command.referredTo });
      c.referredTo = command.referredTo;
      return this.event(officer, c, WelfareCaseReferredSchema, create(WelfareCaseReferredSchema, { caseId: c.id, referredTo: command.referredTo, referredOn: command.referredOn }));
    });
  }

  close(id: string, command: CloseWelfareCaseCommand, officer: Officer, today = new Date()): Promise<WelfareCaseView> {
    const breach = whyNotADayThatHasBegun('closedOn', command.closedOn, today);
    if (breach) throw new WelfareCaseRuleBroken(breach.reason, breach.field);
    return this.step(id, officer, 'close', async (manager, c) => {
      await manager.update(WelfareCase, { id: c.id }, { status: c.status, closedOn: command.closedOn, outcome: command.outcome });
      Object.assign(c, { closedOn: command.closedOn, outcome: command.outcome });
      return this.event(officer, c, WelfareCaseClosedSchema, create(WelfareCaseClosedSchema, { caseId: c.id, closedOn: command.closedOn, outcome: command.outcome }));
    });
  }

  private step(id: string, officer: Officer, action: WelfareCaseAction, apply: (manager: EntityManager, c: WelfareCase) => Promise<OutboxEvent>): Promise<WelfareCaseView> {
    return this.outbox.transaction(async ({ manager, publish }) => {
      const c = visibleTo(officer, 'welfare-case.read', this.config, 'welfare case', id, await manager.findOne(WelfareCase, { where: { id }, lock: { mode: 'pessimistic_write' } }));
      assertActsOnCorridor(officer, 'welfare-case.record', this.config, c);
      c.status = WELFARE_CASE_LIFECYCLE.next(c, action);
      const { topic, event } = await apply(manager, c);
      await this.audit.record(manager, { actor: officer, action: `welfare-case.${action}`, targetType: 'welfare-case', targetId: id, reason: c.status });
      await publish(topic, event);
      return this.ledger.view(manager, c);
    });
  }

  private event<D extends Parameters<typeof buildEvent>[0]['schema']>(officer: Officer, c: WelfareCase, schema: D, payload: Parameters<typeof buildEvent<D>>[0]['payload'], encryptionKeyId?: string): OutboxEvent {
    return buildEvent({ stage: 'social-protection', by: officer, journeyId: c.journeyId, corridor: { origin: c.origin, destination: c.destination }, schema, payload, encryptionKeyId });
  }
}
