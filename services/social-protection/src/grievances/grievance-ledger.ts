import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { GrievanceStatus } from '@corridor/state-machine';
import { CaseTextCipher } from '../shared/case-text';
import { GrievanceStep } from './grievance-step.entity';
import { Grievance } from './grievance.entity';
import { grievanceView, stepView, type GrievanceView } from './grievance.views';

/** Who took a step, and when: the officer here, or the other end's officer from the event's envelope. */
export interface StepBy {
  /** The id of the event that records the step. */
  eventId: string;
  country: string;
  officer: string;
  at: Date;
}

export type GrievanceChange = Partial<Pick<Grievance, 'status' | 'assignee' | 'referredTo' | 'outcome' | 'recoveredMinor' | 'recoveredCurrency' | 'resolvedOn' | 'closedOn' | 'closeReason' | 'overdueFlagId' | 'overdueOn' | 'escalatedOn'>>;

/**
 * The one way a grievance and its history are written, by the use cases on the node where an
 * officer acts and by the replica on the other end, so both hold the same grievance and the
 * same steps. Notes and descriptions are kept encrypted (CaseTextCipher).
 */
@Injectable()
export class GrievanceLedger {
  constructor(private readonly text: CaseTextCipher) {}

  async file(manager: EntityManager, grievance: Omit<Grievance, 'descriptionEnc'>, description: string, by: StepBy): Promise<void> {
    await manager.insert(Grievance, { ...grievance, descriptionEnc: this.text.atRest(description, 'grievance.description', grievance.id) });
    await this.step(manager, grievance.id, 'filed', null, grievance.status, grievance.filedOn, null, by);
  }

  /** Applies a change and records its step; `on` is the step's calendar day. */
  async apply(manager: EntityManager, grievance: Grievance, action: string, change: GrievanceChange, on: string, note: string | null, by: StepBy): Promise<void> {
    const from = grievance.status;
    Object.assign(grievance, change);
    await manager.update(Grievance, { id: grievance.id }, change);
    await this.step(manager, grievance.id, action, from, grievance.status, on, note, by);
  }

  async view(manager: EntityManager, grievance: Grievance): Promise<GrievanceView> {
    const steps = await manager.find(GrievanceStep, { where: { grievanceId: grievance.id }, order: { recordedAt: 'ASC', id: 'ASC' } });
    return grievanceView(
      grievance,
      this.text.inClear(grievance.descriptionEnc, 'grievance.description', grievance.id),
      steps.map((s) => stepView(s, s.noteEnc ? this.text.inClear(s.noteEnc, 'grievance_step.note', s.id) : null)),
    );
  }

  private async step(manager: EntityManager, grievanceId: string, action: string, from: GrievanceStatus | null, to: GrievanceStatus, on: string, note: string | null, by: StepBy): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(GrievanceStep)
      .values({
        id: by.eventId,
        grievanceId,
        action,
        fromStatus: from,
        toStatus: to,
        stepOn: on,
        noteEnc: note ? this.text.atRest(note, 'grievance_step.note', by.eventId) : null,
        byCountry: by.country,
        byOfficer: by.officer,
        recordedAt: by.at,
      })
      .orIgnore()
      .execute();
  }
}
