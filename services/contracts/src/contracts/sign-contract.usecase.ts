import { Injectable } from '@nestjs/common';
import { WriteUseCase } from '@corridor/service-runtime';
import { create } from '@bufbuild/protobuf';
import type { Officer } from '@corridor/auth';
import { ContractSignedSchema } from '@corridor/events';
import { assertNotInFuture } from '@corridor/http';
import { assertActsForSide, findContractFor, sideOfNode } from './contract-access';
import { PARTY_ON_THE_WIRE, contractEvent } from './contract-events';
import { ContractLedger } from './contract-ledger';
import type { SignContractCommand } from './contract.commands';
import { afterSignature } from './contract-state';
import { contractView, progressOf, type ContractView } from './contract.views';

/**
 * Records that the worker or the employer signed the current version, with the day they signed
 * and who recorded it. The origin ministry (or the worker's agency) records at origin, the
 * destination authority at destination; both signatures make the contract Signed.
 */
@Injectable()
export class SignContractUseCase extends WriteUseCase {
  async execute(contractId: string, command: SignContractCommand, officer: Officer): Promise<ContractView> {
    assertNotInFuture('signedOn', command.signedOn);
    return this.outbox.transaction(async ({ manager, publish }) => {
      const contract = await findContractFor(manager, officer, contractId, true);
      assertActsForSide(officer, sideOfNode(this.config, contract), 'contract.sign');
      const next = afterSignature(await progressOf(manager, contract), command.party);
      const { currentVersion: version, signingRound: round } = contract;
      const { topic, event } = contractEvent(
        contract,
        officer,
        ContractSignedSchema,
        create(ContractSignedSchema, { contractId, version, round, party: PARTY_ON_THE_WIRE[command.party], signedOn: command.signedOn, fullySigned: next === 'signed' }),
      );
      await ContractLedger.sign(manager, contract, next, command.party, command.signedOn, { id: event.eventId, country: officer.country, by: officer.subject, at: new Date() });
      await this.audit.record(manager, {
        actor: officer,
        action: 'contract.sign',
        targetType: 'contract',
        targetId: contractId,
        reason: `${command.party} signed version ${version} on ${command.signedOn}`,
        details: { party: command.party, version, round },
      });
      await publish(topic, event);
      return contractView(manager, contract);
    });
  }
}
