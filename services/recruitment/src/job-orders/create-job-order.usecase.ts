import { Injectable } from '@nestjs/common';
import { WriteUseCase } from '@corridor/service-runtime';
import { create } from '@bufbuild/protobuf';
import { v7 as uuidv7 } from 'uuid';
import type { Officer } from '@corridor/auth';
import { JobOrderCreatedSchema, buildEvent } from '@corridor/events';
import { assertCorridorOpen } from '../common/corridors';
import { JobOrder } from './job-order.entity';
import type { CreateJobOrderCommand } from './job-order.commands';
import { jobOrderView, type JobOrderView } from './job-order.views';

/**
 * The destination authority records an employer's demand letter for workers of one origin. The
 * event goes on the corridor topic origin→destination so that the origin holds the same job order.
 */
@Injectable()
export class CreateJobOrderUseCase extends WriteUseCase {
  async execute(command: CreateJobOrderCommand, officer: Officer): Promise<JobOrderView> {
    const destination = this.config.country;
    assertCorridorOpen(this.config, command.origin, destination);
    return this.outbox.transaction(async ({ manager, publish }) => {
      const now = new Date();
      const order = manager.create(JobOrder, {
        id: uuidv7(),
        origin: command.origin,
        destination,
        authoredBy: destination,
        status: 'submitted',
        employerName: command.employerName,
        employerRegistrationNumber: command.employerRegistrationNumber,
        workplaceProvince: command.workplaceProvince,
        occupationIsco: command.occupationIsco,
        sectorIsic: command.sectorIsic,
        workersRequested: command.workersRequested,
        workersMatched: 0,
        wageMinor: String(command.wageAmountMinor),
        wageCurrency: command.wageCurrency,
        wagePeriod: command.wagePeriod,
        hoursPerDay: command.hoursPerDay,
        contractMonths: command.contractMonths,
        benefits: command.benefits ?? [],
        rejectionReason: null,
        createdBy: officer.subject,
        createdAt: now,
        updatedAt: now,
      });
      await manager.insert(JobOrder, order);
      await this.audit.record(manager, {
        actor: officer,
        action: 'job-order.create',
        targetType: 'job-order',
        targetId: order.id,
        reason: `demand letter of ${order.employerName} for ${order.workersRequested} worker(s) from ${order.origin}`,
      });
      const { topic, event } = buildEvent({
        stage: 'recruitment',
        by: officer,
        journeyId: order.id,
        corridor: { origin: order.origin, destination: order.destination },
        occurredAt: now,
        schema: JobOrderCreatedSchema,
        payload: create(JobOrderCreatedSchema, {
            jobOrderId: order.id,
            origin: order.origin,
            destination: order.destination,
            employerName: order.employerName,
            employerRegistrationNumber: order.employerRegistrationNumber,
            workplaceProvince: order.workplaceProvince,
            occupationIsco: order.occupationIsco,
            sectorIsic: order.sectorIsic,
            workersRequested: order.workersRequested,
            wage: { amountMinor: BigInt(command.wageAmountMinor), currency: order.wageCurrency },
            wagePeriod: order.wagePeriod,
            hoursPerDay: order.hoursPerDay,
            contractMonths: order.contractMonths,
            benefits: order.benefits,
          }),
      });
      await publish(topic, event);
      return jobOrderView(order);
    });
  }
}
