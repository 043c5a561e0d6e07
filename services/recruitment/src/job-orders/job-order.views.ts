import { ApiProperty } from '@nestjs/swagger';
import { CorridorView } from '@corridor/http';
import { JOB_ORDER_LIFECYCLE, type JobOrderAction, type JobOrderStatus } from '@corridor/state-machine';
import type { JobOrder } from './job-order.entity';
import { WAGE_PERIODS } from './job-order.commands';

export class EmployerView {
  @ApiProperty({ example: 'Siam Frozen Foods Co., Ltd.' })
  name: string;

  @ApiProperty({ example: '0105548012345' })
  registrationNumber: string;

  @ApiProperty({ example: 'Samut Sakhon' })
  workplaceProvince: string;
}

export class WageView {
  @ApiProperty({ example: 1040000, description: 'In the minor unit of the currency' })
  amountMinor: number;

  @ApiProperty({ example: 'THB', description: 'ISO 4217' })
  currency: string;

  @ApiProperty({ enum: WAGE_PERIODS })
  period: string;
}

/** A job order (demand letter) as both nodes of its corridor show it. */
export class JobOrderView {
  @ApiProperty({ format: 'uuid' })
  jobOrderId: string;

  @ApiProperty({ type: CorridorView })
  corridor: CorridorView;

  @ApiProperty({ example: 'TH', description: 'The node that created it; the other end holds a replica' })
  authoredBy: string;

  @ApiProperty({ enum: JOB_ORDER_LIFECYCLE.states })
  status: JobOrderStatus;

  @ApiProperty({ enum: JOB_ORDER_LIFECYCLE.actions, isArray: true })
  allowedActions: JobOrderAction[];

  @ApiProperty({ type: EmployerView })
  employer: EmployerView;

  @ApiProperty({ example: '9329', description: 'ISCO-08' })
  occupationIsco: string;

  @ApiProperty({ example: '1020', description: 'ISIC rev. 4' })
  sectorIsic: string;

  @ApiProperty({ example: 20 })
  workersRequested: number;

  @ApiProperty({ example: 3 })
  workersMatched: number;

  @ApiProperty({ example: 17 })
  placesLeft: number;

  @ApiProperty({ type: WageView })
  wage: WageView;

  @ApiProperty({ example: 8 })
  hoursPerDay: number;

  @ApiProperty({ example: 24 })
  contractMonths: number;

  @ApiProperty({ type: [String], example: ['accommodation'] })
  benefits: string[];

  @ApiProperty({ type: String, nullable: true })
  rejectionReason: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export function jobOrderView(order: JobOrder): JobOrderView {
  return {
    jobOrderId: order.id,
    corridor: { origin: order.origin, destination: order.destination },
    authoredBy: order.authoredBy,
    status: order.status,
    allowedActions: JOB_ORDER_LIFECYCLE.allowedActions(order.status),
    employer: { name: order.employerName, registrationNumber: order.employerRegistrationNumber, workplaceProvince: order.workplaceProvince },
    occupationIsco: order.occupationIsco,
    sectorIsic: order.sectorIsic,
    workersRequested: order.workersRequested,
    workersMatched: order.workersMatched,
    placesLeft: Math.max(0, order.workersRequested - order.workersMatched),
    wage: { amountMinor: Number(order.wageMinor), currency: order.wageCurrency, period: order.wagePeriod },
    hoursPerDay: order.hoursPerDay,
    contractMonths: order.contractMonths,
    benefits: order.benefits,
    rejectionReason: order.rejectionReason,
    createdAt: order.createdAt.toISOString(),
  };
}
