import { Injectable } from '@nestjs/common';
import { WriteUseCase } from '@corridor/service-runtime';
import { create } from '@bufbuild/protobuf';
import type { Officer } from '@corridor/auth';
import { ContractVerifiedSchema } from '@corridor/events';
import { assertActsForSide, findContractFor, sideOfNode } from './contract-access';
import { SIDE_ON_THE_WIRE, contractEvent } from './contract-events';
import { ContractLedger } from './contract-ledger';
import type { VerifyContractCommand } from './contract.commands';
import { afterVerification } from './contract-state';
import { termsToMessage } from './contract-terms';
import { ContractVersion } from './contract-version.entity';
import { contractView, progressOf, type ContractView } from './contract.views';

/**
 * This node's side verifies the signed version: the origin ministry on the origin node, the
 * destination authority on the destination node. Each verification crosses the corridor; the
 * contract is Verified when both sides have verified the same version and round.
 */
@Injectable()
export class VerifyContractUseCase extends WriteUseCase {
  async execute(contractId: string, command: VerifyContractCommand, officer: Officer): Promise<ContractView> {
    return this.outbox.transaction(async ({ manager, publish }) => {
      const contract = await findContractFor(manager, officer, contractId, true);
      const side = sideOfNode(this.config, contract);
      assertActsForSide(officer, side, 'contract.decide');
      const next = afterVerification(await progressOf(manager, contract), side);
      const version = await manager.findOneByOrFail(ContractVersion, { contractId, version: contract.currentVersion });
      const { topic, event } = contractEvent(
        contract,
        officer,
        ContractVerifiedSchema,
        create(ContractVerifiedSchema, {
          contractId,
          version: contract.currentVersion,
          round: contract.signingRound,
          side: SIDE_ON_THE_WIRE[side],
          fullyVerified: next === 'verified',
          terms: termsToMessage(version.terms),
        }),
      );
      await ContractLedger.verify(manager, contract, next, side, { id: event.eventId, country: officer.country, by: officer.subject, at: new Date() });
      await this.audit.record(manager, {
        actor: officer,
        action: 'contract.verify',
        targetType: 'contract',
        targetId: contractId,
        reason: command.note ?? `verified by the ${side} side`,
        details: { side, version: contract.currentVersion, fullyVerified: next === 'verified' },
      });
      await publish(topic, event);
      return contractView(manager, contract);
    });
  }
}
