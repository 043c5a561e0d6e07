import { isoDay } from '@corridor/reference-data';
import type { RegisterWorkerCommand } from './worker.commands';
import type { Worker } from './worker.entity';
import { ConsentAlreadyWithdrawn } from './workers.errors';

/**
 * Consent and disclosure (domain rules): what the worker agreed to at registration, what of their
 * person data a cross-border event may carry, and when consent to share can be withdrawn. Pure,
 * so the rules are unit- and mutation-tested apart from the use cases that apply them.
 */

export type ConsentColumns = Pick<Worker, 'consentToProcess' | 'consentToShare' | 'consentGivenHow' | 'consentGivenOn' | 'consentToShareWithdrawnOn'>;

/**
 * The consent a registration records: exactly what the worker said, consent to share included
 * (false means nothing of them ever crosses the border); given today when no date is named.
 */
export function consentAtRegistration(command: Pick<RegisterWorkerCommand, 'consentToProcess' | 'consentToShare' | 'consentGivenHow' | 'consentGivenOn'>, today: Date): ConsentColumns {
  return {
    consentToProcess: command.consentToProcess,
    consentToShare: command.consentToShare,
    consentGivenHow: command.consentGivenHow,
    consentGivenOn: command.consentGivenOn ?? isoDay(today),
    consentToShareWithdrawnOn: null,
  };
}

/**
 * What of the worker's person data a cross-border event of the journey may carry: the person data
 * sealed for the destination only while consent to share stands, none once it was refused at
 * registration or withdrawn. The one decision for nominations and matches alike.
 */
export type Disclosure = 'sealed-for-destination' | 'none';

export function disclosureOf(worker: Pick<Worker, 'consentToShare' | 'consentToShareWithdrawnOn'>): Disclosure {
  // A withdrawal date wins even over a flag left true: withdrawn consent never comes back by itself.
  return worker.consentToShare && !worker.consentToShareWithdrawnOn ? 'sealed-for-destination' : 'none';
}

/** Consent to share is withdrawn once; a worker who never gave it (or withdrew it) has nothing to withdraw. */
export function withdrawalOf(worker: Pick<Worker, 'id' | 'consentToShare' | 'consentToShareWithdrawnOn'>, today: Date): { consentToShare: false; consentToShareWithdrawnOn: string } {
  if (disclosureOf(worker) === 'none') throw new ConsentAlreadyWithdrawn(worker.id, worker.consentToShareWithdrawnOn);
  return { consentToShare: false, consentToShareWithdrawnOn: isoDay(today) };
}
