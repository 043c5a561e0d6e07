import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { DataSource } from 'typeorm';
import { InjectNodeConfig, type NodeConfig } from '@corridor/config';
import { systemActor } from '@corridor/events';
import { NotFoundProblem } from '@corridor/http';
import { Outbox } from '@corridor/messaging';
import { isoDay } from '@corridor/reference-data';
import { GrievanceStep } from '../grievances/grievance-step.entity';
import { Grievance } from '../grievances/grievance.entity';
import { GrievanceRuleBroken } from '../grievances/grievance.errors';
import { FileGrievanceUseCase } from '../grievances/file-grievance.usecase';
import { whyNotOnCorridor } from '../shared/journey-corridor';
import type { FileWorkerReportCommand, WorkerReportFiledView, WorkerReportStatusView } from './worker-report.commands';
import { WorkerReport } from './worker-report.entity';
import { WORKER_REPORT_FILER, newReference, newSecret, reportText, secretHash, secretMatches } from './worker-report.rules';

/**
 * A worker's own grievance from the public portal: filed like an officer's (the same use case,
 * event and queue), by the portal's actor, with the grievance's own id as its journey until an
 * officer links it to one; followed by reference and secret, status only.
 */
@Injectable()
export class WorkerReportsUseCase {
  constructor(
    private readonly outbox: Outbox,
    private readonly dataSource: DataSource,
    private readonly fileGrievance: FileGrievanceUseCase,
    @InjectNodeConfig() private readonly config: NodeConfig,
  ) {}

  async file(command: FileWorkerReportCommand): Promise<WorkerReportFiledView> {
    const breach = whyNotOnCorridor(command, this.config);
    if (breach) throw new GrievanceRuleBroken(breach.reason, breach.field);
    const id = uuidv7();
    const reference = newReference(this.config.country);
    const secret = newSecret();
    const filedOn = isoDay();
    await this.outbox.transaction(async ({ manager, publish }) => {
      const grievance = { journeyId: id, origin: command.origin, destination: command.destination, category: command.category, description: reportText(command), filedOn };
      await this.fileGrievance.file(manager, publish, grievance, systemActor(this.config.country, WORKER_REPORT_FILER), id);
      await manager.insert(WorkerReport, { reference, grievanceId: id, secretHash: secretHash(secret), filedAt: new Date() });
    });
    return { reference, secret, status: 'open', filedOn };
  }

  /** A wrong secret answers exactly like an unknown reference. */
  async status(reference: string, secret: string): Promise<WorkerReportStatusView> {
    const report = await this.dataSource.getRepository(WorkerReport).findOneBy({ reference: reference.toUpperCase() });
    if (!report || !secretMatches(secret, report.secretHash)) throw new NotFoundProblem('grievance', reference);
    const grievance = await this.dataSource.getRepository(Grievance).findOneByOrFail({ id: report.grievanceId });
    const last = await this.dataSource.getRepository(GrievanceStep).findOne({ where: { grievanceId: grievance.id }, order: { stepOn: 'DESC', recordedAt: 'DESC' } });
    return { reference: report.reference, status: grievance.status, filedOn: grievance.filedOn, lastChangedOn: last?.stepOn ?? grievance.filedOn };
  }
}
