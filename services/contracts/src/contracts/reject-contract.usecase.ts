import { Injectable } from '@nestjs/common';
import { create } from '@bufbuild/protobuf';
import { AuditTrail } from '@corridor/audit';
import type { Officer } from '@corridor/auth';
import { InjectNodeConfig, type NodeConfig } from '@corridor/config';
import { ContractRejectedSchema } from '@corridor/events';
import { Outbox } from '@corridor/messaging';
import { assertActsForSide, findContractFor, sideOfNode } from './contract-access';
import { SIDE_ON_THE_WIRE, contractEvent } from './contract-events';
import { ContractLedger } from './contract-ledger';
import type { RejectContractCommand } from './contract.commands';
import { afterRejection } from './contract-state';
import { contractView, type ContractView } from './contract.views';

/** Either side refuses to verify, with a reason: back to Draft, to be signed again in a new round. */
@Injectable()
export class RejectContractUseCase {
  constructor(
    private readonly outbox: Outbox,
    private readonly audit: AuditTrail,
    @InjectNodeConfig() private readonly config: NodeConfig,
  ) {}

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
