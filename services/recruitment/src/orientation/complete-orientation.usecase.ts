import { Injectable } from '@nestjs/common';
import { WriteUseCase } from '@corridor/service-runtime';
import { create } from '@bufbuild/protobuf';
import { In } from 'typeorm';
import type { Officer } from '@corridor/auth';
import { OrientationCompletedSchema, buildEvent } from '@corridor/events';
import { journeyCorridor } from '../common/journey-events';
import { isoDay } from '@corridor/reference-data';
import { WorkerMatch } from '../matching/worker-match.entity';
import { Worker } from '../workers/worker.entity';
import { OrientationAttendance } from './orientation-attendance.entity';
import { OrientationSession } from './orientation-session.entity';
import { SESSION_LIFECYCLE } from './orientation-lifecycle';
import { SessionNotHeldYet } from './orientation.errors';
import { findSessionFor } from './session-access';
import { sessionView, type SessionView } from './session.views';

/** Completes a session: every worker who attended has completed pre-departure orientation. */
@Injectable()
export class CompleteOrientationUseCase extends WriteUseCase {
  async execute(sessionId: string, officer: Officer, today = new Date()): Promise<SessionView> {
    return this.outbox.transaction(async ({ manager, publish }) => {
      const session = await findSessionFor(manager, officer, sessionId, true);
      const status = SESSION_LIFECYCLE.next(session, 'complete');
      const day = isoDay(today);
      if (session.heldOn > day) throw new SessionNotHeldYet(session.id, session.heldOn, day, session.status);
      session.status = status;
      session.completedAt = new Date();
      await manager.update(OrientationSession, { id: session.id }, { status, completedAt: session.completedAt });
      const attendees = await manager.find(OrientationAttendance, { where: { sessionId: session.id }, order: { recordedAt: 'ASC' } });
      const workers = attendees.length ? await manager.find(Worker, { where: { id: In(attendees.map((a) => a.workerId)) } }) : [];
      if (workers.length) await manager.update(WorkerMatch, { workerId: In(workers.map((w) => w.id)) }, { status: 'orientation-completed' });
      await this.audit.record(manager, { actor: officer, action: 'orientation.complete', targetType: 'orientation-session', targetId: session.id, reason: `${attendees.length} attendee(s)` });
      for (const worker of workers) {
        const { topic, event } = buildEvent({
          stage: 'recruitment',
          by: officer,
          journeyId: worker.journeyId,
          corridor: journeyCorridor(this.config.country, worker),
          schema: OrientationCompletedSchema,
          payload: create(OrientationCompletedSchema, { workerId: worker.id, sessionId: session.id, completedOn: day, topics: session.topics }),
        });
        await publish(topic, event);
      }
      return sessionView(session, attendees);
    });
  }
}
