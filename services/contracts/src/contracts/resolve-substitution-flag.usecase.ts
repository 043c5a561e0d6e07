import { Injectable } from '@nestjs/common';
import { WriteUseCase } from '@corridor/service-runtime';
import { create } from '@bufbuild/protobuf';
import type { Officer } from '@corridor/auth';
import { ContractSubstitutionResolvedSchema } from '@corridor/events';
import { NotFoundProblem } from '@corridor/http';
import { SUBSTITUTION_FLAG_LIFECYCLE } from '@corridor/state-machine';
import { assertActsForSide, findContractFor, sideOfNode } from './contract-access';
import { SIDE_ON_THE_WIRE, contractEvent } from './contract-events';
import { ContractLedger } from './contract-ledger';
import type { ResolveSubstitutionFlagCommand } from './contract.commands';
import { SubstitutionFlag } from './substitution-flag.entity';
import { flagView, type FlagView } from './contract.views';

/** Either side closes a substitution flag with a decision and a reason; both sides learn of it. */
@Injectable()
export class ResolveSubstitutionFlagUseCase extends WriteUseCase {
  async execute(contractId: string, flagId: string, command: ResolveSubstitutionFlagCommand, officer: Officer): Promise<FlagView> {
    return this.outbox.transaction(async ({ manager, publish }) => {
      const contract = await findContractFor(manager, officer, contractId, true);
      const side = sideOfNode(this.config, contract);
      assertActsForSide(officer, side, 'contract.resolve-flag');
      const flag = await manager.findOneBy(SubstitutionFlag, { id: flagId, contractId });
      if (!flag) throw new NotFoundProblem('substitution flag', flagId);
      SUBSTITUTION_FLAG_LIFECYCLE.next(flag, 'resolve');
      const { topic, event } = contractEvent(
        contract,
        officer,
        ContractSubstitutionResolvedSchema,
        create(ContractSubstitutionResolvedSchema, { contractId, flagId, decision: command.decision, reason: command.reason, side: SIDE_ON_THE_WIRE[side] }),
      );
      await ContractLedger.resolve(manager, contract, flag, command.decision, command.reason, { id: event.eventId, country: officer.country, by: officer.subject, at: new Date() });
      await this.audit.record(manager, {
        actor: officer,
        action: 'contract.substitution-resolve',
        targetType: 'contract',
        targetId: contractId,
        reason: command.reason,
        details: { flagId, decision: command.decision },
      });
      await publish(topic, event);
      return flagView(await manager.findOneByOrFail(SubstitutionFlag, { id: flagId }));
    });
  }
}
