import { Injectable } from '@nestjs/common';
import { WriteUseCase } from '@corridor/service-runtime';
import { create } from '@bufbuild/protobuf';
import type { Officer } from '@corridor/auth';
import { ContractRejectedSchema } from '@corridor/events';
import { assertActsForSide, findContractFor, sideOfNode } from './contract-access';
import { SIDE_ON_THE_WIRE, contractEvent } from './contract-events';
import { ContractLedger } from './contract-ledger';
import type { RejectContractCommand } from './contract.commands';
import { afterRejection } from './contract-state';
import { contractView, type ContractView } from './contract.views';

/** Either side refuses to verify, with a reason: back to Draft, to be signed again in a new round. */
@Injectable()
export class RejectContractUseCase extends WriteUseCase {
  async execute(contractId: string, command: RejectContractCommand, officer: Officer): Promise<ContractView> {
    return this.outbox.transaction(async ({ manager, publish }) => {
      const contract = await findContractFor(manager, officer, contractId, true);
      const side = sideOfNode(this.config, contract);
      assertActsForSide(officer, side, 'contract.decide');
      afterRejection(contract);
      const { topic, event } = contractEvent(
        contract,
        officer,
        ContractRejectedSchema,
        create(ContractRejectedSchema, { contractId, version: contract.currentVersion, round: contract.signingRound, side: SIDE_ON_THE_WIRE[side], reason: command.reason }),
      );
      await this.audit.record(manager, {
        actor: officer,
        action: 'contract.reject',
        targetType: 'contract',
        targetId: contractId,
        reason: command.reason,
        details: { side, version: contract.currentVersion, round: contract.signingRound },
      });
      await ContractLedger.reject(manager, contract, side, command.reason, { id: event.eventId, country: officer.country, by: officer.subject, at: new Date() });
      await publish(topic, event);
      return contractView(manager, contract);
    });
  }
}
