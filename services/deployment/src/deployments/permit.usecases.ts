import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import type { Officer } from '@corridor/auth';
import { EmployerChangedSchema, WorkPermitExtendedSchema, WorkPermitIssuedSchema, type ContractTerms } from '@corridor/events';
import { assertNotInFuture } from '@corridor/http';
import { WriteUseCase } from '@corridor/service-runtime';
import { fromJson, type JsonValue } from '@bufbuild/protobuf';
import { ContractTermsSchema } from '@corridor/events';
import { deploymentFor } from './deployment-access';
import type { ChangeEmployerCommand, IssuePermitCommand } from './deployment.commands';
import { DeploymentStepInvalid } from './deployment.errors';
import { permitExpiry } from './deployment.rules';
import { policyOf, recordStep } from './deployment-step';
import { deploymentView, type DeploymentView } from './deployment.views';

/** The destination issues the work permit / visa, for the corridor's length. */
@Injectable()
export class IssuePermitUseCase extends WriteUseCase {
  async execute(journeyId: string, command: IssuePermitCommand, officer: Officer): Promise<DeploymentView> {
    assertNotInFuture('issuedOn', command.issuedOn);
    return this.outbox.transaction(async (tx) => {
      const d = await deploymentFor(tx.manager, journeyId, this.config, 'destination', 'a work permit');
      if (d.arrivedOn && command.issuedOn < d.arrivedOn) throw new DeploymentStepInvalid(`issuedOn ${command.issuedOn} is before the arrival on ${d.arrivedOn}`, 'issuedOn');
      const expiresOn = permitExpiry(command.issuedOn, policyOf(this.config, d).workPermitMonths);
      await recordStep(tx, this.audit, d, officer, 'issue-permit', WorkPermitIssuedSchema, { permitId: uuidv7(), ...command, expiresOn, employerName: d.employerName }, `permit ${command.permitNumber} until ${expiresOn}`);
      return deploymentView(d);
    });
  }
}

/** The destination extends the permit by the corridor's extension length (the Thai MOU: 2 + 2 years). */
@Injectable()
export class ExtendPermitUseCase extends WriteUseCase {
  async execute(journeyId: string, officer: Officer): Promise<DeploymentView> {
    return this.outbox.transaction(async (tx) => {
      const d = await deploymentFor(tx.manager, journeyId, this.config, 'destination', 'a permit extension');
      const permit = d.permit;
      if (!permit) throw new DeploymentStepInvalid(`journey ${journeyId} has no permit to extend`, 'permit');
      const policy = policyOf(this.config, d);
      if (permit.extensions >= 1) throw new DeploymentStepInvalid(`permit ${permit.permitNumber} was extended already; the corridor allows one extension`, 'permit');
      const expiresOn = permitExpiry(permit.issuedOn, policy.workPermitMonths + policy.workPermitExtensionMonths);
      await recordStep(tx, this.audit, d, officer, 'extend-permit', WorkPermitExtendedSchema, { permitId: permit.permitId, previousExpiry: permit.expiresOn, expiresOn, extensionNumber: permit.extensions + 1 }, `extended to ${expiresOn}`);
      return deploymentView(d);
    });
  }
}

/**
 * An employer change at destination, visible at origin. The event carries the terms under the new
 * employer (the verified ones with what changed); the contracts service compares them with the
 * verified contract and raises the substitution flag when they are worse (by event, not a call).
 */
@Injectable()
export class ChangeEmployerUseCase extends WriteUseCase {
  async execute(journeyId: string, command: ChangeEmployerCommand, officer: Officer): Promise<DeploymentView> {
    assertNotInFuture('changedOn', command.changedOn);
    return this.outbox.transaction(async (tx) => {
      const d = await deploymentFor(tx.manager, journeyId, this.config, 'destination', 'an employer change');
      const verified: ContractTerms | undefined = d.verifiedTerms ? fromJson(ContractTermsSchema, d.verifiedTerms as JsonValue) : undefined;
      const newTerms = verified && {
        ...verified,
        employerName: command.newEmployer,
        wage: verified.wage && command.wageAmountMinor !== undefined ? { ...verified.wage, amountMinor: BigInt(command.wageAmountMinor) } : verified.wage,
        hoursPerDay: command.hoursPerDay ?? verified.hoursPerDay,
        restDaysPerWeek: command.restDaysPerWeek ?? verified.restDaysPerWeek,
      };
      await recordStep(
        tx,
        this.audit,
        d,
        officer,
        'change-employer',
        EmployerChangedSchema,
        { changeId: uuidv7(), previousEmployer: d.employerName, newEmployer: command.newEmployer, reason: command.reason, approvedBy: command.approvedBy, changedOn: command.changedOn, newTerms, contractId: d.contractId },
        `${d.employerName} -> ${command.newEmployer}: ${command.reason}`,
      );
      return deploymentView(d);
    });
  }
}
