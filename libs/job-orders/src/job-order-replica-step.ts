import type { Logger } from '@nestjs/common';
import type { EntityTarget } from 'typeorm';
import { occurredAt } from '@corridor/events';
import { logLeftOut, type ReceivedEvent } from '@corridor/messaging';
import { JOB_ORDER_LIFECYCLE, type JobOrderAction, type JobOrderStatus } from '@corridor/state-machine';
import type { JobOrderColumns } from './job-order-columns';

/**
 * Applies the other end's job-order step (approve, verify, reject) to this service's copy, through
 * the job order's state machine, the one the recruitment use cases apply: a copy not held here or
 * a step the machine forbids in the copy's state is left out and logged with the use case's
 * reason. Every service that keeps job orders (recruitment's replica, contracts' drafting replica)
 * goes through here, so they cannot apply a step differently. Returns the new status, or undefined
 * when the step was left out.
 */
export async function applyJobOrderStep<E extends JobOrderColumns>(
  event: ReceivedEvent,
  entity: EntityTarget<E>,
  jobOrderId: string,
  action: Exclude<JobOrderAction, 'match'>,
  logger: Pick<Logger, 'warn'>,
  options: { lockRow?: boolean; changes?: (order: E) => Partial<E> } = {},
): Promise<JobOrderStatus | undefined> {
  const order = (await event.manager.findOne(entity, { where: { id: jobOrderId } as never, ...(options.lockRow ? { lock: { mode: 'pessimistic_write' } } : {}) })) as E | null;
  if (!order) {
    logLeftOut(logger, event, `job order ${jobOrderId} is not held here`);
    return undefined;
  }
  const refused = JOB_ORDER_LIFECYCLE.refusal(order, action);
  if (refused) {
    logLeftOut(logger, event, refused.detail);
    return undefined;
  }
  const status = JOB_ORDER_LIFECYCLE.next(order, action);
  await event.manager.update(entity, { id: jobOrderId } as never, { status, ...options.changes?.(order), updatedAt: occurredAt(event.envelope) } as never);
  return status;
}
