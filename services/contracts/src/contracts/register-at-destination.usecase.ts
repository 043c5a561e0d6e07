import { Injectable } from '@nestjs/common';
import { WriteUseCase } from '@corridor/service-runtime';
import { create } from '@bufbuild/protobuf';
import { v7 as uuidv7 } from 'uuid';
import type { Officer } from '@corridor/auth';
import { ContractRegisteredAtDestinationSchema } from '@corridor/events';
import { assertNotInFuture } from '@corridor/http';
import { assertActsForSide, assertNodeIsSide, findContractFor } from './contract-access';
import { contractEvent } from './contract-events';
import { ContractLedger } from './contract-ledger';
import type { RegisterAtDestinationCommand, RegisteredTermsInput } from './contract.commands';
import { CONTRACT_LIFECYCLE } from './contract-state';
import { termsToMessage, type ContractTerms } from './contract-terms';
import { ContractVersion } from './contract-version.entity';
import { contractView, type RegistrationView } from './contract.views';
import { raiseSubstitutionFlag } from './substitution-flags';
import { detectSubstitution } from './substitution-detector';

/**
 * The destination authority registers the contract the worker actually works under. It is
 * compared with the verified contract; worse terms are contract substitution, flagged on both sides.
 */
@Injectable()
export class RegisterAtDestinationUseCase extends WriteUseCase {
  async execute(contractId: string, command: RegisterAtDestinationCommand, officer: Officer): Promise<RegistrationView> {
    assertNotInFuture('registeredOn', command.registeredOn);
    return this.outbox.transaction(async (tx) => {
      const { manager, publish } = tx;
      const contract = await findContractFor(manager, officer, contractId, true);
      assertNodeIsSide(this.config, contract, 'destination', 'contract.register-at-destination');
      assertActsForSide(officer, 'destination', 'contract.register-at-destination');
      CONTRACT_LIFECYCLE.next(contract, 'register-at-destination');
      const verified = await manager.findOneByOrFail(ContractVersion, { contractId, version: contract.currentVersion });
      const terms = registeredTerms(command.terms);
      const registrationId = uuidv7();
      const { topic, event } = contractEvent(
        contract,
        officer,
        ContractRegisteredAtDestinationSchema,
        create(ContractRegisteredAtDestinationSchema, { contractId, registrationId, verifiedVersion: verified.version, registeredOn: command.registeredOn, terms: termsToMessage(terms) }),
      );
      await ContractLedger.register(manager, contract, registrationId, verified.version, command.registeredOn, terms, { id: event.eventId, country: officer.country, by: officer.subject, at: new Date() });
      await this.audit.record(manager, {
        actor: officer,
        action: 'contract.register-at-destination',
        targetType: 'contract',
        targetId: contractId,
        reason: `registered at destination on ${command.registeredOn}, compared with verified version ${verified.version}`,
        details: { registrationId },
      });
      await publish(topic, event);
      const worse = detectSubstitution(verified.terms, terms);
      const substitutionFlagId = worse.length
        ? await raiseSubstitutionFlag(tx, this.audit, contract, officer, { source: 'destination-registration', verifiedVersion: verified.version, comparedVersion: null, registrationId, changedTerms: worse }, { topic, event })
        : null;
      return { ...(await contractView(manager, contract)), registrationId, substitutionFlagId };
    });
  }
}

function registeredTerms(input: RegisteredTermsInput): ContractTerms {
  return {
    employerName: input.employerName,
    employerRegistrationNumber: input.employerRegistrationNumber,
    workplaceProvince: input.workplaceProvince,
    occupationIsco: input.occupationIsco,
    wage: { amountMinor: input.wageAmountMinor, currency: input.wageCurrency },
    payPeriod: input.payPeriod,
    hoursPerDay: input.hoursPerDay,
    restDaysPerWeek: input.restDaysPerWeek,
    overtimeRatePercent: input.overtimeRatePercent,
    contractMonths: input.contractMonths,
    accommodation: input.accommodation,
    deductions: input.deductions.map((d) => ({ purpose: d.purpose, capAmountMinor: d.capAmountMinor })),
    returnJourneyPaidBy: input.returnJourneyPaidBy,
    probationDays: input.probationDays,
  };
}
