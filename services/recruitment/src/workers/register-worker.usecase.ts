import { Injectable } from '@nestjs/common';
import { create } from '@bufbuild/protobuf';
import { v7 as uuidv7 } from 'uuid';
import type { Officer } from '@corridor/auth';
import { WorkerRegisteredSchema, buildEvent } from '@corridor/events';
import { WriteUseCase } from '@corridor/service-runtime';
import { assertAgencyMayRecruit } from '../agencies/agency-licence';
import type { RegisterWorkerCommand } from './worker.commands';
import { consentAtRegistration } from './consent';
import { mayActOnWorker } from './worker-access';
import { Worker } from './worker.entity';
import { WorkerPersonData } from './worker-person-data';
import { assertRegistrationRules } from './registration-rules';
import { WorkerAlreadyRegistered } from './workers.errors';
import { SEX_ON_THE_WIRE } from './worker-events';
import type { RegisteredWorkerView, RegistrationWarningView } from './worker.views';

/** At most this many likely duplicates are named in one answer. */
const MAX_LIKELY_DUPLICATES = 5;

/** Registers a worker, opening their journey, and announces it on the country-internal topic. */
@Injectable()
export class RegisterWorkerUseCase extends WriteUseCase {
  constructor(private readonly personData: WorkerPersonData) {
    super();
  }

  async execute(command: RegisterWorkerCommand, officer: Officer, today = new Date()): Promise<RegisteredWorkerView> {
    assertRegistrationRules(command, this.config.country, officer.country, today);
    const documentIndex = this.personData.documentIndex(command.nationality, command.documentType, command.documentNumber);
    return this.outbox.transaction(async ({ manager, publish }) => {
      // Agency staff register only while their agency's licence is valid; ministry officers are not checked.
      await assertAgencyMayRecruit(manager, officer, today);
      const existing = await manager.findOne(Worker, { where: { documentIndex }, select: { id: true, agencyId: true } });
      if (existing) throw new WorkerAlreadyRegistered(command.documentType, command.documentNumber, mayActOnWorker(officer, this.config.country, existing) ? existing.id : undefined);
      const id = uuidv7();
      const sealed = this.personData.seal(id, command, command.nationality, command.documentType);
      // Same name and birth date, another document (the same document was refused above).
      const likelyDuplicates = await manager.find(Worker, {
        where: { identityIndex: sealed.identityIndex ?? '' },
        select: { id: true, agencyId: true },
        order: { registeredAt: 'ASC' },
        take: MAX_LIKELY_DUPLICATES,
      });
      const worker = manager.create(Worker, {
        id,
        journeyId: uuidv7(),
        ...sealed,
        ...this.personData.sealContact(id, { phone: command.phone?.trim(), homeAddress: command.homeAddress }),
        skills: command.skills?.map((skill) => skill.trim()) ?? null,
        education: command.education ?? null,
        sex: command.sex,
        birthYear: Number(command.birthDate.slice(0, 4)),
        nationality: command.nationality,
        documentType: command.documentType,
        documentExpiry: command.documentExpiry,
        intendedDestination: command.intendedDestination ?? null,
        occupationIsco: command.occupationIsco ?? null,
        agencyId: officer.agencyId ?? null,
        ...consentAtRegistration(command, today),
        registeredBy: officer.subject,
        // Set here rather than by the column default, so the answer needs no second read.
        registeredAt: new Date(),
      });
      await manager.insert(Worker, worker).catch((error: { code?: string }) => {
        // 23505: a concurrent registration of the same document won the race.
        if (error.code === '23505') throw new WorkerAlreadyRegistered(command.documentType, command.documentNumber);
        throw error;
      });
      const registered = buildEvent({
        stage: 'recruitment',
        by: officer,
        journeyId: worker.journeyId,
        corridor: { origin: this.config.country },
        schema: WorkerRegisteredSchema,
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
          documentIndex: worker.documentIndex,
        }),
      });
      await publish(registered.topic, registered.event);
      // Last in the transaction: the audit chain's lock is held from here to the commit only.
      await this.audit.record(manager, {
        actor: officer,
        action: 'worker.register',
        targetType: 'worker',
        targetId: worker.id,
        reason: 'registration',
        ...(likelyDuplicates.length ? { details: { likelyDuplicateOf: likelyDuplicates.map((w) => w.id) } } : {}),
      });
      const warnings = likelyDuplicates.map((other) => this.likelyDuplicate(other, officer));
      return { workerId: worker.id, journeyId: worker.journeyId, registeredAt: worker.registeredAt.toISOString(), warnings };
    });
  }

  private likelyDuplicate(other: Pick<Worker, 'id' | 'agencyId'>, officer: Officer): RegistrationWarningView {
    if (mayActOnWorker(officer, this.config.country, other)) {
      return {
        code: 'likely-duplicate',
        detail: `registered, but this may be the same person: same name and birth date as worker ${other.id}, with another identity document`,
        existingWorkerId: other.id,
      };
    }
    return {
      code: 'likely-duplicate',
      detail: 'registered, but this may be the same person: a worker registered by another agency has the same name and birth date, with another identity document; the ministry can check',
    };
  }
}
