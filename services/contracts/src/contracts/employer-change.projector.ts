import { Controller } from '@nestjs/common';
import type { Officer } from '@corridor/auth';
import { EmployerChangedSchema } from '@corridor/events';
import { HandlesEvent, logLeftOut, type ReceivedEventOf } from '@corridor/messaging';
import { NodeEventProjector } from '@corridor/service-runtime';
import { Contract } from './contract.entity';
import { termsFromMessage } from './contract-terms';
import { ContractVersion } from './contract-version.entity';
import { detectSubstitution } from './substitution-detector';
import { raiseSubstitutionFlag } from './substitution-flags';

/**
 * An employer change recorded by the deployment service at destination carries the terms under
 * the new employer: compared with the verified contract here, worse terms raise the substitution
 * flag (by event, never a call). Only the node that recorded the change raises it; the other end
 * learns the flag from ContractSubstitutionDetected like any other.
 */
@Controller()
export class EmployerChangeProjector extends NodeEventProjector {
  @HandlesEvent(EmployerChangedSchema)
  async onEmployerChanged(event: ReceivedEventOf<typeof EmployerChangedSchema>): Promise<void> {
    const p = event.payload;
    if (!this.isOwn(event) || !p.newTerms) return;
    const contract = await event.manager.findOne(Contract, { where: { id: p.contractId }, lock: { mode: 'pessimistic_write' } });
    if (!contract) return logLeftOut(this.logger, event, `contract ${p.contractId} is not held here`);
    const verified = await event.manager.findOneBy(ContractVersion, { contractId: contract.id, version: contract.currentVersion });
    if (!verified) return logLeftOut(this.logger, event, `contract ${contract.id} has no version ${contract.currentVersion}`);
    const worse = detectSubstitution(verified.terms, termsFromMessage(p.newTerms));
    if (!worse.length) return;
    const system: Officer = { subject: 'system:employer-change', country: this.config.country, roles: [] };
    await raiseSubstitutionFlag(event, this.audit, contract, system, { source: 'employer-change', verifiedVersion: verified.version, comparedVersion: null, registrationId: null, changedTerms: worse });
  }
}
