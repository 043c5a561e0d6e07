import { Injectable } from '@nestjs/common';
import { create, type DescMessage, type MessageShape } from '@bufbuild/protobuf';
import type { EntityManager } from 'typeorm';
import type { Officer } from '@corridor/auth';
import {
  GrievanceAssignedSchema,
  GrievanceClosedSchema,
  GrievanceResolvedSchema,
  GrievanceStatusChangedSchema,
  buildEvent,
  type EventRecorder,
} from '@corridor/events';
import { isoDay } from '@corridor/reference-data';
import { GRIEVANCE_LIFECYCLE, type GrievanceAction } from '@corridor/state-machine';
import { WriteUseCase } from '@corridor/service-runtime';
import { CaseTextCipher } from '../shared/case-text';
import { visibleTo } from '../shared/journey-corridor';
import { STATUS_WIRE } from '../shared/wire';
import type { AssignGrievanceCommand, ChangeGrievanceStatusCommand, CloseGrievanceCommand, ResolveGrievanceCommand } from './grievance.commands';
import { GrievanceHandledElsewhere, GrievanceRuleBroken } from './grievance.errors';
import { GrievanceLedger, type GrievanceChange } from './grievance-ledger';
import { Grievance } from './grievance.entity';
import { whyNotADayThatHasBegun } from '../shared/days';
import { whyNotChangeable, whyNotClosable } from './grievance.rules';
import type { GrievanceView } from './grievance.views';

interface Step<Desc extends DescMessage> {
  action: GrievanceAction;
  /** The step's name in the history. */
  name: string;
  on: string;
  note?: string | null;
  change: (g: Grievance, to: Grievance['status']) => GrievanceChange;
  schema: Desc;
  payload: (g: Grievance, from: Grievance['status'], sealed: Uint8Array) => MessageShape<Desc>;
}

/**
 * The handling country's officers move a grievance: assignment, investigation and referral,
 * resolution with an outcome and the amount recovered, closure. Each step goes through the
 * grievance lifecycle (a 409 names the state and what is allowed) and travels to the other end,
 * which shows every step.
 */
@Injectable()
export class ProgressGrievanceUseCase extends WriteUseCase {
  constructor(
    private readonly ledger: GrievanceLedger,
    private readonly text: CaseTextCipher,
  ) {
    super();
  }

  assign(id: string, command: AssignGrievanceCommand, officer: Officer): Promise<GrievanceView> {
    return this.take(id, officer, {
      action: 'assign',
      name: 'assigned',
      on: isoDay(),
      change: () => ({ assignee: command.assignee }),
      schema: GrievanceAssignedSchema,
      payload: (g) => create(GrievanceAssignedSchema, { grievanceId: g.id, assigneeOfficerId: command.assignee, assignedOn: isoDay() }),
    });
  }

  changeStatus(id: string, command: ChangeGrievanceStatusCommand, officer: Officer, today = new Date()): Promise<GrievanceView> {
    const breach = whyNotChangeable(command, today);
    if (breach) throw new GrievanceRuleBroken(breach.reason, breach.field);
    return this.take(id, officer, {
      action: command.status === 'referred' ? 'refer' : 'investigate',
      name: 'status-changed',
      on: command.changedOn,
      note: command.note,
      change: (_g, to) => ({ status: to, referredTo: command.referredTo ?? null }),
      schema: GrievanceStatusChangedSchema,
      payload: (g, from, sealed) =>
        create(GrievanceStatusChangedSchema, {
          grievanceId: g.id,
          fromStatus: STATUS_WIRE.toWire(from),
          toStatus: STATUS_WIRE.toWire(g.status),
          changedOn: command.changedOn,
          referredTo: command.referredTo ?? '',
          sealedCaseText: sealed,
        }),
    });
  }

  resolve(id: string, command: ResolveGrievanceCommand, officer: Officer, today = new Date()): Promise<GrievanceView> {
    const breach = whyNotADayThatHasBegun('resolvedOn', command.resolvedOn, today);
    if (breach) throw new GrievanceRuleBroken(breach.reason, breach.field);
    return this.take(id, officer, {
      action: 'resolve',
      name: 'resolved',
      on: command.resolvedOn,
      note: command.note,
      change: (_g, to) => ({
        status: to,
        outcome: command.outcome,
        recoveredMinor: String(command.amountRecoveredMinor),
        recoveredCurrency: command.currency,
        resolvedOn: command.resolvedOn,
      }),
      schema: GrievanceResolvedSchema,
      payload: (g, from, sealed) =>
        create(GrievanceResolvedSchema, {
          grievanceId: g.id,
          fromStatus: STATUS_WIRE.toWire(from),
          outcome: command.outcome,
          amountRecovered: { amountMinor: BigInt(command.amountRecoveredMinor), currency: command.currency },
          resolvedOn: command.resolvedOn,
          sealedCaseText: sealed,
        }),
    });
  }

  close(id: string, command: CloseGrievanceCommand, officer: Officer, today = new Date()): Promise<GrievanceView> {
    const breach = whyNotADayThatHasBegun('closedOn', command.closedOn, today);
    if (breach) throw new GrievanceRuleBroken(breach.reason, breach.field);
    return this.take(id, officer, {
      action: 'close',
      name: 'closed',
      on: command.closedOn,
      change: (g, to) => {
        const refused = whyNotClosable(g.status, command.reason);
        if (refused) throw new GrievanceRuleBroken(refused.reason, refused.field);
        return { status: to, closedOn: command.closedOn, closeReason: command.reason };
      },
      schema: GrievanceClosedSchema,
      payload: (g, from) => create(GrievanceClosedSchema, { grievanceId: g.id, fromStatus: STATUS_WIRE.toWire(from), closedOn: command.closedOn, reason: command.reason }),
    });
  }

  private take<Desc extends DescMessage>(id: string, officer: Officer, step: Step<Desc>): Promise<GrievanceView> {
    return this.outbox.transaction(async ({ manager, publish }) => {
      const grievance = await this.handledHere(manager, officer, id);
      const from = grievance.status;
      const to = GRIEVANCE_LIFECYCLE.next(grievance, step.action);
      const change = step.change(grievance, to);
      const sealed = this.text.sealForOtherEnd(step.note, grievance.journeyId, grievance);
      const at = new Date();
      const after = { ...grievance, ...change } as Grievance;
      const { topic, event } = buildEvent({
        stage: 'social-protection',
        by: officer as EventRecorder,
        journeyId: grievance.journeyId,
        corridor: { origin: grievance.origin, destination: grievance.destination },
        occurredAt: at,
        schema: step.schema,
        encryptionKeyId: sealed.encryptionKeyId,
        payload: step.payload(after, from, sealed.sealedCaseText),
      });
      await this.ledger.apply(manager, grievance, step.name, change, step.on, step.note ?? null, { eventId: event.eventId, country: this.config.country, officer: officer.subject, at });
      await this.audit.record(manager, { actor: officer, action: `grievance.${step.action}`, targetType: 'grievance', targetId: id, reason: `${from} -> ${grievance.status}` });
      await publish(topic, event);
      return this.ledger.view(manager, grievance);
    });
  }

  /** The grievance, locked, if the officer may see it and this node's queue handles it. */
  private async handledHere(manager: EntityManager, officer: Officer, id: string): Promise<Grievance> {
    const grievance = visibleTo(officer, 'grievance.read', this.config, 'grievance', id, await manager.findOne(Grievance, { where: { id }, lock: { mode: 'pessimistic_write' } }));
    if (grievance.handlingCountry !== this.config.country) throw new GrievanceHandledElsewhere(id, grievance.handlingCountry, this.config.country);
    return grievance;
  }
}
