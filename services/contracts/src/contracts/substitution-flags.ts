import { create } from '@bufbuild/protobuf';
import type { EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import type { AuditTrail } from '@corridor/audit';
import type { Officer } from '@corridor/auth';
import { ContractSubstitutionDetectedSchema, type OutboxEvent } from '@corridor/events';
import type { OutboxTransaction } from '@corridor/messaging';
import { contractEvent } from './contract-events';
import { ContractLedger } from './contract-ledger';
import type { Contract } from './contract.entity';
import type { SubstitutionSource } from './substitution-flag.entity';
import type { WorseTerm } from './substitution-detector';

/**
 * Raises a substitution flag on the contract and tells the other side (and both journey
 * timelines) with ContractSubstitutionDetected, in the transaction of the change that caused it;
 * that change's event (the amendment, the registration at destination) is its causation id.
 */
export async function raiseSubstitutionFlag(
  { manager, publish }: { manager: EntityManager; publish: OutboxTransaction['publish'] },
  audit: AuditTrail,
  contract: Contract,
  officer: Officer,
  found: { source: SubstitutionSource; verifiedVersion: number; comparedVersion: number | null; registrationId: string | null; changedTerms: WorseTerm[] },
  causedBy?: OutboxEvent,
): Promise<string> {
  const flagId = uuidv7();
  // Worse terms block departure whichever way they appear: in the MOU channel the destination
  // registers the contract before the worker leaves, so this is exactly when to stop it.
  const blocksDeparture = true;
  const { topic, event } = contractEvent(
    contract,
    officer,
    ContractSubstitutionDetectedSchema,
    create(ContractSubstitutionDetectedSchema, {
      contractId: contract.id,
      flagId,
      source: found.source,
      verifiedVersion: found.verifiedVersion,
      comparedVersion: found.comparedVersion ?? 0,
      registrationId: found.registrationId ?? '',
      changedTerms: found.changedTerms,
      blocksDeparture,
    }),
    undefined,
    causedBy?.event,
  );
  await ContractLedger.flag(manager, contract, { id: flagId, ...found, blocksDeparture }, { id: event.eventId, country: officer.country, by: officer.subject, at: new Date() });
  await audit.record(manager, {
    actor: officer,
    action: 'contract.substitution-flag',
    targetType: 'contract',
    targetId: contract.id,
    reason: `${found.source} worse than verified version ${found.verifiedVersion}: ${found.changedTerms.map((t) => t.term).join(', ')}`,
    details: { flagId, changedTerms: found.changedTerms },
  });
  await publish(topic, event);
  return flagId;
}
