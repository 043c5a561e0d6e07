import { Injectable } from '@nestjs/common';
import { create, type DescMessage, type MessageShape } from '@bufbuild/protobuf';
import type { EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import type { Officer } from '@corridor/auth';
import {
  FollowUpRecordedSchema,
  FollowUpScheduledSchema,
  IndicatorAnswerSchema,
  NeedsAssessedSchema,
  ReferralSentSchema,
  ReferralStatusChangedSchema,
  ReintegrationCaseClosedSchema,
  ReintegrationCaseReopenedSchema,
  ReintegrationPlanRecordedSchema,
  ServiceDeliveredSchema,
  SustainabilityScoreSchema,
  buildEvent,
} from '@corridor/events';
import { NotFoundProblem } from '@corridor/http';
import { isCalendarDate, isInTheFuture } from '@corridor/reference-data';
import { WriteUseCase } from '@corridor/service-runtime';
import { ServiceProvider } from '../providers/service-provider.entity';
import { answerProblems, score, activeWeightTable } from '../scoring/sustainability-instrument';
import type {
  ChangeReferralStatusCommand,
  CloseCaseCommand,
  FollowUpCommand,
  RecordPlanCommand,
  RecordServiceCommand,
  ReopenCaseCommand,
  ScheduleFollowUpCommand,
  ScoredAnswersCommand,
  SendReferralCommand,
} from './case.commands';
import { CaseScore, FollowUp, Referral, ServiceDelivery } from './case-records.entity';
import { AnswersNotOnTheInstrument, CaseStepRefused } from './cases.errors';
import { ReintegrationCase } from './reintegration-case.entity';
import { REFERRAL, REFERRAL_ACTION_OF, REINTEGRATION_CASE, resumedStatus, type CaseAction } from './reintegration-case.lifecycle';

/** -1 on the wire stands for "not scored" (proto3 doubles have no null). */
const wire = (x: number | null) => (x === null ? -1 : x);

interface Step {
  manager: EntityManager;
  record: ReintegrationCase;
  emit<D extends DescMessage>(schema: D, payload: MessageShape<D>): Promise<void>;
}

/**
 * The caseworker's steps on a reintegration case, each one write in one outbox transaction with
 * its audit entry and its event (country topic: the case never leaves the origin). The case's
 * lifecycle (reintegration-case.lifecycle.ts) says which step is allowed when; referrals have
 * their own.
 */
@Injectable()
export class CaseStepsUseCase extends WriteUseCase {
  assess(caseId: string, command: ScoredAnswersCommand, officer: Officer): Promise<void> {
    this.assertDay(command.heldOn, 'heldOn');
    return this.step(caseId, 'assess', officer, `needs assessment on ${command.heldOn}`, async ({ manager, record, emit }) => {
      const scored = await this.saveScore(manager, record.id, 'assessment', null, command);
      await emit(NeedsAssessedSchema, create(NeedsAssessedSchema, { caseId: record.id, assessmentId: scored.id, assessedOn: command.heldOn, ...this.scoreOnTheWire(scored) }));
    });
  }

  plan(caseId: string, command: RecordPlanCommand, officer: Officer): Promise<void> {
    return this.step(caseId, 'plan', officer, 'reintegration plan', async ({ manager, record, emit }) => {
      const goals = command.goals.map((g) => ({ goalId: uuidv7(), ...g }));
      const version = record.planVersion + 1;
      await manager.update(ReintegrationCase, { id: record.id }, { planVersion: version, planGoals: goals });
      await emit(ReintegrationPlanRecordedSchema, create(ReintegrationPlanRecordedSchema, { caseId: record.id, planId: `${record.id}:${version}`, version, goals }));
    });
  }

  refer(caseId: string, command: SendReferralCommand, officer: Officer): Promise<string> {
    this.assertDay(command.sentOn, 'sentOn');
    const id = uuidv7();
    return this.step(caseId, 'refer', officer, `referral: ${command.need}`, async ({ manager, record, emit }) => {
      const provider = await manager.findOneBy(ServiceProvider, { id: command.providerId });
      if (!provider) throw new CaseStepRefused(`providerId ${command.providerId} is not in the registry of service providers`, 'providerId');
      await manager.insert(Referral, { id, caseId: record.id, providerId: provider.id, serviceType: provider.serviceType, need: command.need, status: 'sent', sentOn: command.sentOn, statusChangedOn: command.sentOn });
      await emit(ReferralSentSchema, create(ReferralSentSchema, { caseId: record.id, referralId: id, providerId: provider.id, serviceType: provider.serviceType, sentOn: command.sentOn, need: command.need }));
    }).then(() => id);
  }

  changeReferral(caseId: string, referralId: string, command: ChangeReferralStatusCommand, officer: Officer): Promise<void> {
    this.assertDay(command.changedOn, 'changedOn');
    return this.step(caseId, 'refer', officer, `referral ${command.status}`, async ({ manager, record, emit }) => {
      const referral = await manager.findOne(Referral, { where: { id: referralId, caseId: record.id }, lock: { mode: 'pessimistic_write' } });
      if (!referral) throw new NotFoundProblem('referral', referralId);
      REFERRAL.next({ id: referral.id, status: referral.status as never }, REFERRAL_ACTION_OF[command.status]);
      await manager.update(Referral, { id: referral.id }, { status: command.status, statusChangedOn: command.changedOn });
      await emit(ReferralStatusChangedSchema, create(ReferralStatusChangedSchema, { caseId: record.id, referralId, status: command.status, changedOn: command.changedOn, reason: command.reason ?? '' }));
    });
  }

  deliver(caseId: string, command: RecordServiceCommand, officer: Officer): Promise<string> {
    this.assertDay(command.deliveredOn, 'deliveredOn');
    const id = uuidv7();
    return this.step(caseId, 'deliver-service', officer, `service: ${command.description}`, async ({ manager, record, emit }) => {
      let serviceType = command.serviceType;
      if (command.referralId) {
        const referral = await manager.findOneBy(Referral, { id: command.referralId, caseId: record.id });
        if (!referral) throw new CaseStepRefused(`referralId ${command.referralId} is not a referral of this case`, 'referralId');
        if (referral.status !== 'accepted' && referral.status !== 'completed') throw new CaseStepRefused(`referral ${referral.id} is ${referral.status}; a service is delivered through an accepted or completed referral`, 'referralId');
        serviceType = referral.serviceType;
      }
      if (!serviceType) throw new CaseStepRefused('serviceType is required for a service not delivered through a referral', 'serviceType');
      await manager.insert(ServiceDelivery, { id, caseId: record.id, referralId: command.referralId ?? null, serviceType, deliveredOn: command.deliveredOn, description: command.description });
      await emit(ServiceDeliveredSchema, create(ServiceDeliveredSchema, { caseId: record.id, serviceId: id, referralId: command.referralId ?? '', serviceType, deliveredOn: command.deliveredOn, description: command.description }));
    }).then(() => id);
  }

  scheduleFollowUp(caseId: string, command: ScheduleFollowUpCommand, officer: Officer): Promise<string> {
    if (!isCalendarDate(command.dueOn)) throw new CaseStepRefused(`dueOn ${command.dueOn} is not a calendar date`, 'dueOn');
    const id = uuidv7();
    return this.step(caseId, 'schedule-follow-up', officer, `follow-up due ${command.dueOn}`, async ({ manager, record, emit }) => {
      await manager.insert(FollowUp, { id, caseId: record.id, dueOn: command.dueOn, heldOn: null });
      await emit(FollowUpScheduledSchema, create(FollowUpScheduledSchema, { caseId: record.id, followUpId: id, dueOn: command.dueOn }));
    }).then(() => id);
  }

  followUp(caseId: string, command: FollowUpCommand, officer: Officer): Promise<void> {
    this.assertDay(command.heldOn, 'heldOn');
    return this.step(caseId, 'follow-up', officer, `follow-up on ${command.heldOn}`, async ({ manager, record, emit }) => {
      let followUpId = command.followUpId;
      if (followUpId) {
        const scheduled = await manager.findOneBy(FollowUp, { id: followUpId, caseId: record.id });
        if (!scheduled) throw new CaseStepRefused(`followUpId ${followUpId} is not a follow-up of this case`, 'followUpId');
        if (scheduled.heldOn) throw new CaseStepRefused(`follow-up ${followUpId} was held on ${scheduled.heldOn}`, 'followUpId');
        await manager.update(FollowUp, { id: followUpId }, { heldOn: command.heldOn });
      } else {
        followUpId = uuidv7();
        await manager.insert(FollowUp, { id: followUpId, caseId: record.id, dueOn: command.heldOn, heldOn: command.heldOn });
      }
      const scored = await this.saveScore(manager, record.id, 'follow-up', followUpId, command);
      await emit(FollowUpRecordedSchema, create(FollowUpRecordedSchema, { caseId: record.id, followUpId, heldOn: command.heldOn, ...this.scoreOnTheWire(scored) }));
    });
  }

  close(caseId: string, command: CloseCaseCommand, officer: Officer): Promise<void> {
    this.assertDay(command.closedOn, 'closedOn');
    return this.step(caseId, 'close', officer, `closed: ${command.reason}`, async ({ manager, record, emit }) => {
      await manager.update(ReintegrationCase, { id: record.id }, { closedOn: command.closedOn, closeReason: command.reason });
      await emit(ReintegrationCaseClosedSchema, create(ReintegrationCaseClosedSchema, { caseId: record.id, closedOn: command.closedOn, reason: command.reason, note: command.note ?? '' }));
    });
  }

  reopen(caseId: string, command: ReopenCaseCommand, officer: Officer): Promise<void> {
    this.assertDay(command.reopenedOn, 'reopenedOn');
    return this.step(caseId, 'reopen', officer, `reopened: ${command.reason}`, async ({ manager, record, emit }) => {
      await manager.update(ReintegrationCase, { id: record.id }, { closedOn: null, closeReason: null });
      await emit(ReintegrationCaseReopenedSchema, create(ReintegrationCaseReopenedSchema, { caseId: record.id, reopenedOn: command.reopenedOn, reason: command.reason }));
    });
  }

  private assertDay(day: string, field: string): void {
    if (!isCalendarDate(day)) throw new CaseStepRefused(`${field} ${day} is not a calendar date`, field);
    if (isInTheFuture(day)) throw new CaseStepRefused(`${field} ${day} is in the future`, field);
  }

  private async saveScore(manager: EntityManager, caseId: string, kind: string, followUpId: string | null, command: ScoredAnswersCommand): Promise<CaseScore> {
    const table = activeWeightTable();
    const problems = answerProblems(command.answers, table);
    if (problems.length) throw new AnswersNotOnTheInstrument(problems);
    const result = score(command.answers, table);
    const row = manager.create(CaseScore, { id: uuidv7(), caseId, kind, followUpId, heldOn: command.heldOn, answers: result.answers, ...result.score, recordedAt: new Date() });
    await manager.insert(CaseScore, row);
    return row;
  }

  private scoreOnTheWire(s: CaseScore) {
    const answered = s.answers.filter((a) => a.normalised !== null).length;
    return {
      answers: s.answers.map((a) => create(IndicatorAnswerSchema, { indicator: a.indicator, answer: a.answer, normalised: wire(a.normalised) })),
      score: create(SustainabilityScoreSchema, { weightsVersion: s.weightsVersion, economic: wire(s.economic), social: wire(s.social), psychosocial: wire(s.psychosocial), composite: wire(s.composite), answered, asked: s.answers.length }),
    };
  }

  /** One step: the case locked, the lifecycle's next state, the effect, the event, the audit entry. */
  private step(caseId: string, action: CaseAction, officer: Officer, reason: string, effect: (step: Step) => Promise<void>): Promise<void> {
    return this.outbox.transaction(async ({ manager, publish }) => {
      const record = await manager.findOne(ReintegrationCase, { where: { id: caseId }, lock: { mode: 'pessimistic_write' } });
      if (!record) throw new NotFoundProblem('reintegration case', caseId);
      const facts = { assessed: await manager.exists(CaseScore, { where: { caseId, kind: 'assessment' } }), planned: record.planVersion > 0 };
      const next = REINTEGRATION_CASE.next({ id: record.id, status: record.status }, action, () => resumedStatus(facts));
      const emit: Step['emit'] = async (schema, payload) => {
        const { topic, event } = buildEvent({ stage: 'reintegration', by: officer, journeyId: record.journeyId, corridor: { origin: record.origin }, schema, payload });
        await publish(topic, event);
      };
      await effect({ manager, record, emit });
      if (next !== record.status) await manager.update(ReintegrationCase, { id: record.id }, { status: next });
      await this.audit.record(manager, { actor: officer, action: `reintegration-case.${action}`, targetType: 'reintegration-case', targetId: record.id, reason });
    });
  }
}
