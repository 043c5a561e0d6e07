import { Injectable } from '@nestjs/common';
import { create } from '@bufbuild/protobuf';
import { v7 as uuidv7 } from 'uuid';
import { AuditTrail } from '@corridor/audit';
import type { Officer } from '@corridor/auth';
import type { NodeConfig } from '@corridor/config';
import { InjectNodeConfig } from '@corridor/config';
import { WorkerRegisteredSchema, countryTopic, encodeEvent } from '@corridor/events';
import { Outbox } from '@corridor/messaging';
import { assertAgencyMayRecruit } from '../agencies/agency-licence';
import type { RegisterWorkerCommand } from './register-worker.command';
import { Worker } from './worker.entity';
import { WorkerPersonData } from './worker-person-data';
import { InvalidRegistration, WorkerAlreadyRegistered } from './worker-registration.errors';
import { SEX_ON_THE_WIRE } from './worker-events';

export interface RegisteredWorker {
  workerId: string;
  journeyId: string;
  registeredAt: string;
}

/** Registers a worker, opening their journey, and announces it on the country-internal topic. */
@Injectable()
export class RegisterWorkerUseCase {
  constructor(
    private readonly outbox: Outbox,
    private readonly personData: WorkerPersonData,
    private readonly audit: AuditTrail,
    @InjectNodeConfig() private readonly config: NodeConfig,
  ) {}

  async execute(command: RegisterWorkerCommand, officer: Officer, today = new Date()): Promise<RegisteredWorker> {
    this.checkRules(command, officer, today);
    const documentIndex = this.personData.documentIndex(command.nationality, command.documentType, command.documentNumber);
    return this.outbox.transaction(async ({ manager, publish }) => {
      // Agency staff register only while their agency's licence is valid; ministry officers are not checked.
      await assertAgencyMayRecruit(manager, officer, today);
      const existing = await manager.findOne(Worker, { where: { documentIndex }, select: { id: true } });
      if (existing) throw new WorkerAlreadyRegistered(command.documentType, command.documentNumber, existing.id);
      const id = uuidv7();
      const worker = manager.create(Worker, {
        id,
        journeyId: uuidv7(),
        ...this.personData.seal(id, command, command.nationality, command.documentType),
        sex: command.sex,
        birthYear: Number(command.birthDate.slice(0, 4)),
        nationality: command.nationality,
        documentType: command.documentType,
        documentExpiry: command.documentExpiry,
        intendedDestination: command.intendedDestination ?? null,
        occupationIsco: command.occupationIsco ?? null,
        agencyId: officer.agencyId ?? null,
        consentToProcess: command.consentToProcess,
        consentToShare: command.consentToShare,
        consentGivenHow: command.consentGivenHow,
        registeredBy: officer.subject,
      });
      await manager.insert(Worker, worker).catch((error: { code?: string }) => {
        // 23505: a concurrent registration of the same document won the race.
        if (error.code === '23505') throw new WorkerAlreadyRegistered(command.documentType, command.documentNumber, 'concurrent');
        throw error;
      });
      await this.audit.record(manager, {
        actor: officer,
        action: 'worker.register',
        targetType: 'worker',
        targetId: worker.id,
        reason: 'registration',
      });
      await publish(
        countryTopic(this.config.country, 'recruitment'),
        encodeEvent({
          schema: WorkerRegisteredSchema,
          journeyId: worker.journeyId,
          corridor: { origin: this.config.country },
          recordedBy: { country: officer.country, agencyId: officer.agencyId, officerId: officer.subject },
          payload: create(WorkerRegisteredSchema, {
            workerId: worker.id,
            sex: SEX_ON_THE_WIRE[worker.sex],
            birthYear: worker.birthYear,
            nationality: worker.nationality,
            intendedDestination: worker.intendedDestination ?? '',
            occupationIsco: worker.occupationIsco ?? '',
            registeringAgencyId: worker.agencyId ?? '',
            consentToProcess: worker.consentToProcess,
            consentToShare: worker.consentToShare,
          }),
        }),
      );
      const saved = await manager.findOneOrFail(Worker, { where: { id: worker.id }, select: { id: true, journeyId: true, registeredAt: true } });
      return { workerId: saved.id, journeyId: saved.journeyId, registeredAt: saved.registeredAt.toISOString() };
    });
  }

  private checkRules(command: RegisterWorkerCommand, officer: Officer, today: Date): void {
    const todayIso = today.toISOString().slice(0, 10);
    if (command.nationality !== this.config.country) {
      throw new InvalidRegistration(`nationality: this is the ${this.config.country} node, it registers ${this.config.country} nationals only, got ${command.nationality}`, { field: 'nationality' });
    }
    if (officer.country !== this.config.country) {
      throw new InvalidRegistration(`an officer of ${officer.country} cannot register workers on the ${this.config.country} node`);
    }
    if (command.intendedDestination === this.config.country) {
      throw new InvalidRegistration('intendedDestination must be another country than the origin', { field: 'intendedDestination' });
    }
    if (!isRealDate(command.birthDate) || command.birthDate >= todayIso) {
      throw new InvalidRegistration(`birthDate ${command.birthDate} is not a past calendar date`, { field: 'birthDate' });
    }
    if (ageOn(command.birthDate, todayIso) < 15) {
      throw new InvalidRegistration('birthDate: a worker must be at least 15 years old (ILO C138 minimum age for employment)', { field: 'birthDate' });
    }
    if (!isRealDate(command.documentExpiry) || command.documentExpiry <= todayIso) {
      throw new InvalidRegistration(`documentExpiry ${command.documentExpiry} must be a calendar date after today`, { field: 'documentExpiry' });
    }
  }
}

function isRealDate(iso: string): boolean {
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso;
}

function ageOn(birthDate: string, todayIso: string): number {
  const years = Number(todayIso.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return todayIso.slice(5) < birthDate.slice(5) ? years - 1 : years;
}
