import { Module } from '@nestjs/common';
import { CompleteOrientationUseCase } from './complete-orientation.usecase';
import { OrientationController } from './orientation.controller';
import { ReadSessionsUseCase } from './read-sessions.usecase';
import { RecordAttendanceUseCase } from './record-attendance.usecase';
import { ScheduleOrientationUseCase } from './schedule-orientation.usecase';

@Module({ controllers: [OrientationController], providers: [ScheduleOrientationUseCase, RecordAttendanceUseCase, CompleteOrientationUseCase, ReadSessionsUseCase] })
export class OrientationModule {}
