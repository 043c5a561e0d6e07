import type { JobOrder } from './job-order.entity';
import { JOB_ORDER_LIFECYCLE } from '@corridor/state-machine';

export interface JobOrderView {
  jobOrderId: string;
  corridor: { origin: string; destination: string };
  authoredBy: string;
  status: string;
  allowedActions: string[];
  employer: { name: string; registrationNumber: string; workplaceProvince: string };
  occupationIsco: string;
  sectorIsic: string;
  workersRequested: number;
  workersMatched: number;
  placesLeft: number;
  wage: { amountMinor: number; currency: string; period: string };
  hoursPerDay: number;
  contractMonths: number;
  benefits: string[];
  rejectionReason: string | null;
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
