import { Injectable } from '@nestjs/common';
import { WriteUseCase } from '@corridor/service-runtime';
import { create } from '@bufbuild/protobuf';
import { isDeepStrictEqual } from 'node:util';
import type { Officer } from '@corridor/auth';
import { ContractAmendedSchema } from '@corridor/events';
import { assertActsForSide, findContractFor, sideOfNode } from './contract-access';
import { contractEvent } from './contract-events';
import { NothingAmended } from './contracts.errors';
import { ContractLedger } from './contract-ledger';
import type { AmendContractCommand } from './contract.commands';
import { afterAmendment } from './contract-state';
import { termsToMessage } from './contract-terms';
import { ContractVersion } from './contract-version.entity';
import { contractView, type ContractView } from './contract.views';
import { assertDeductionsBelowWage, withChanges } from './draft-contract.usecase';
import { raiseSubstitutionFlag } from './substitution-flags';
import { detectSubstitution } from './substitution-detector';

/**
 * Amends a verified contract: a new version in Draft, with the reason, to be signed and verified
 * again; every version is kept. A new version worse for the worker than the verified one is
 * contract substitution: it is flagged on both sides.
 */
@Injectable()
export class AmendContractUseCase extends WriteUseCase {
  async execute(contractId: string, command: AmendContractCommand, officer: Officer): Promise<ContractView> {
    return this.outbox.transaction(async (tx) => {
      const { manager, publish } = tx;
      const contract = await findContractFor(manager, officer, contractId, true);
      assertActsForSide(officer, sideOfNode(this.config, contract), 'contract.amend');
      afterAmendment(contract);
      const verified = await manager.findOneByOrFail(ContractVersion, { contractId, version: contract.currentVersion });
      const terms = withChanges(verified.terms, command.changes);
      const clauses = command.clauses ? command.clauses.map((c) => ({ title: c.title, text: c.text })) : verified.clauses;
      if (isDeepStrictEqual(terms, verified.terms) && isDeepStrictEqual(clauses, verified.clauses)) {
        throw new NothingAmended(verified.version);
      }
      assertDeductionsBelowWage(terms);
      const newVersion = verified.version + 1;
      const { topic, event } = contractEvent(
        contract,
        officer,
        ContractAmendedSchema,
        create(ContractAmendedSchema, { contractId, version: newVersion, previousVersion: verified.version, reason: command.reason, terms: termsToMessage(terms), clauses }),
      );
      await ContractLedger.amend(manager, contract, newVersion, terms, clauses, command.reason, { id: event.eventId, country: officer.country, by: officer.subject, at: new Date() });
      await this.audit.record(manager, {
        actor: officer,
        action: 'contract.amend',
        targetType: 'contract',
        targetId: contractId,
        reason: command.reason,
        details: { previousVersion: verified.version, version: newVersion },
      });
      await publish(topic, event);
      const worse = detectSubstitution(verified.terms, terms);
      if (worse.length) {
        await raiseSubstitutionFlag(tx, this.audit, contract, officer, { source: 'amendment', verifiedVersion: verified.version, comparedVersion: newVersion, registrationId: null, changedTerms: worse }, { topic, event });
      }
      return contractView(manager, contract);
    });
  }
}
