import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@corridor/audit';
import { agencyFilterOf, type Officer } from '@corridor/auth';
import { ReadUseCase } from '@corridor/service-runtime';
import { findWorkerFor, mayActOnWorker } from './worker-access';
import { Worker } from './worker.entity';
import { WorkerPersonData } from './worker-person-data';
import type { WorkerView } from './worker.views';

/** Reads of person data: each one decrypts in memory and leaves an audit entry with its purpose. */
@Injectable()
export class ReadWorkersUseCase extends ReadUseCase {
  constructor(
    private readonly personData: WorkerPersonData,
    private readonly audit: AuditTrail,
  ) {
    super();
  }

  async one(workerId: string, officer: Officer, reason: string): Promise<WorkerView> {
    return this.dataSource.transaction(async (manager) => {
      const worker = await findWorkerFor(manager, officer, this.config.country, workerId);
      await this.audit.record(manager, { actor: officer, action: 'worker.read', targetType: 'worker', targetId: worker.id, reason });
      return this.view(worker);
    });
  }

  /** Name search in either script, through the blind index: all words of the query must match. */
  async searchByName(query: string, officer: Officer, reason: string, limit: number): Promise<WorkerView[]> {
    const tokens = this.personData.nameQueryTokens(query);
    // No token (a query of punctuation only) would match every row: it matches none.
    if (!tokens.length) return [];
    return this.dataSource.transaction(async (manager) => {
      const builder = manager
        .createQueryBuilder(Worker, 'worker')
        .where('worker.name_index @> :tokens', { tokens })
        .orderBy('worker.registered_at', 'DESC')
        .limit(limit);
      const agency = agencyFilterOf(officer);
      if (agency !== undefined) builder.andWhere('worker.agency_id = :agency', { agency: agency ?? '' });
      const found = (await builder.getMany()).filter((w) => mayActOnWorker(officer, this.config.country, w));
      for (const worker of found) {
        await this.audit.record(manager, { actor: officer, action: 'worker.read', targetType: 'worker', targetId: worker.id, reason, details: { via: 'name-search' } });
      }
      return found.map((w) => this.view(w));
    });
  }

  private view(worker: Worker): WorkerView {
    const person = this.personData.open(worker);
    return {
      workerId: worker.id,
      journeyId: worker.journeyId,
      ...person,
      sex: worker.sex,
      nationality: worker.nationality,
      documentType: worker.documentType,
      documentExpiry: worker.documentExpiry,
      intendedDestination: worker.intendedDestination,
      occupationIsco: worker.occupationIsco,
      ...this.personData.openContact(worker),
      skills: worker.skills ?? [],
      education: worker.education,
      agencyId: worker.agencyId,
      consent: {
        toProcess: worker.consentToProcess,
        toShare: worker.consentToShare,
        givenHow: worker.consentGivenHow,
        givenOn: worker.consentGivenOn,
        toShareWithdrawnOn: worker.consentToShareWithdrawnOn,
      },
      nominatedDestination: worker.nominatedDestination,
      registeredAt: worker.registeredAt.toISOString(),
    };
  }
}
