import { Injectable } from '@nestjs/common';
import { WriteUseCase } from '@corridor/service-runtime';
import { create } from '@bufbuild/protobuf';
import type { Officer } from '@corridor/auth';
import { OrientationAttendedSchema, buildEvent } from '@corridor/events';
import { journeyCorridor } from '../common/journey-events';
import { WorkerMatch } from '../matching/worker-match.entity';
import { findWorkerFor } from '../workers/worker-access';
import { OrientationAttendance } from './orientation-attendance.entity';
import { SESSION_LIFECYCLE } from './orientation-lifecycle';
import { AttendanceAlreadyRecorded, AttendeeNotMatched } from './orientation.errors';
import { findSessionFor } from './session-access';
import { sessionView, type SessionView } from './session.views';

/** Records that a matched worker attended a scheduled session. */
@Injectable()
export class RecordAttendanceUseCase extends WriteUseCase {
  async execute(sessionId: string, workerId: string, officer: Officer): Promise<SessionView> {
    return this.outbox.transaction(async ({ manager, publish }) => {
      const session = await findSessionFor(manager, officer, sessionId, true);
      SESSION_LIFECYCLE.next(session, 'record-attendance');
      const worker = await findWorkerFor(manager, officer, this.config.country, workerId, true);
      const match = await manager.findOne(WorkerMatch, { where: { workerId: worker.id } });
      if (!match) throw new AttendeeNotMatched(worker.id);
      if (await manager.findOne(OrientationAttendance, { where: { sessionId: session.id, workerId: worker.id } })) {
        throw new AttendanceAlreadyRecorded(worker.id, session.id);
      }
      await manager.insert(OrientationAttendance, { sessionId: session.id, workerId: worker.id, journeyId: worker.journeyId, recordedBy: officer.subject, recordedAt: new Date() });
      await this.audit.record(manager, { actor: officer, action: 'orientation.attend', targetType: 'worker', targetId: worker.id, reason: `session ${session.id}` });
      const { topic, event } = buildEvent({
        stage: 'recruitment',
        by: officer,
        journeyId: worker.journeyId,
        corridor: journeyCorridor(this.config.country, worker),
        schema: OrientationAttendedSchema,
        payload: create(OrientationAttendedSchema, { workerId: worker.id, sessionId: session.id, heldOn: session.heldOn }),
      });
      await publish(topic, event);
      return sessionView(session, await manager.find(OrientationAttendance, { where: { sessionId: session.id }, order: { recordedAt: 'ASC' } }));
    });
  }
}

