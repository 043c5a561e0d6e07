import { Injectable } from '@nestjs/common';
import { WriteUseCase } from '@corridor/service-runtime';
import { create } from '@bufbuild/protobuf';
import { v7 as uuidv7 } from 'uuid';
import type { Officer } from '@corridor/auth';
import { OrientationSessionScheduledSchema, buildEvent } from '@corridor/events';
import { assertCalendarDate } from '@corridor/http';
import { assertAgencyMayRecruit } from '../agencies/agency-licence';
import { isMinistry } from '../common/roles';
import { OrientationSession } from './orientation-session.entity';
import type { ScheduleOrientationCommand } from './orientation.commands';
import { sessionView, type SessionView } from './session.views';

/** Schedules a pre-departure orientation session (ministry, or a licensed agency for its workers). */
@Injectable()
export class ScheduleOrientationUseCase extends WriteUseCase {
  async execute(command: ScheduleOrientationCommand, officer: Officer): Promise<SessionView> {
    assertCalendarDate('heldOn', command.heldOn);
    return this.outbox.transaction(async ({ manager, publish }) => {
      await assertAgencyMayRecruit(manager, officer);
      const session = manager.create(OrientationSession, {
        id: uuidv7(),
        heldOn: command.heldOn,
        place: command.place,
        topics: [...new Set(command.topics)],
        agencyId: isMinistry(officer) ? null : (officer.agencyId ?? null),
        status: 'scheduled',
        createdBy: officer.subject,
        createdAt: new Date(),
        completedAt: null,
      });
      await manager.insert(OrientationSession, session);
      await this.audit.record(manager, { actor: officer, action: 'orientation.schedule', targetType: 'orientation-session', targetId: session.id, reason: `${session.heldOn} at ${session.place}` });
      const { topic, event } = buildEvent({
        stage: 'recruitment',
        by: officer,
        journeyId: session.id,
        corridor: { origin: this.config.country },
        schema: OrientationSessionScheduledSchema,
        payload: create(OrientationSessionScheduledSchema, { sessionId: session.id, heldOn: session.heldOn, place: session.place, topics: session.topics, agencyId: session.agencyId ?? '' }),
      });
      await publish(topic, event);
      return sessionView(session, []);
    });
  }
}
