import { CorridorFeature } from '@corridor/service-runtime';
import { CreateRecruitmentStage1763900000110 } from '../migrations/1763900000110-create-recruitment-stage';
import { CompleteOrientationUseCase } from './complete-orientation.usecase';
import { OrientationAttendance } from './orientation-attendance.entity';
import { OrientationSession } from './orientation-session.entity';
import { OrientationController } from './orientation.controller';
import { ReadSessionsUseCase } from './read-sessions.usecase';
import { RecordAttendanceUseCase } from './record-attendance.usecase';
import { ScheduleOrientationUseCase } from './schedule-orientation.usecase';

@CorridorFeature({
  entities: [OrientationSession, OrientationAttendance],
  migrations: [CreateRecruitmentStage1763900000110],
  controllers: [OrientationController],
  providers: [ScheduleOrientationUseCase, RecordAttendanceUseCase, CompleteOrientationUseCase, ReadSessionsUseCase],
})
export class OrientationModule {}
