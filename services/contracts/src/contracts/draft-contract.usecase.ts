import { Injectable } from '@nestjs/common';
import { WriteUseCase } from '@corridor/service-runtime';
import { create } from '@bufbuild/protobuf';
import { v7 as uuidv7 } from 'uuid';
import { decideAccess, type Officer } from '@corridor/auth';
import { ContractDraftedSchema } from '@corridor/events';
import { JobOrderReplica } from '../replicas/job-order-replica.entity';
import { WorkerMatchReplica } from '../replicas/worker-match-replica.entity';
import { assertActsForSide } from './contract-access';
import { contractEvent } from './contract-events';
import { ContractAlreadyDrafted, DeductionsExceedWage, JobOrderNotVerified, TermsWorseThanJobOrder, WorkerNotMatched } from './contracts.errors';
import type { DraftContractCommand, DraftTermsInput } from './contract.commands';
import { STANDARD_TEMPLATE_DEFAULTS, termsToMessage, type ContractTerms, type PayPeriod } from './contract-terms';
import { ContractVersion } from './contract-version.entity';
import { Contract } from './contract.entity';
import { contractView, type ContractView } from './contract.views';
import { detectSubstitution } from './substitution-detector';

/** The terms the verified job order fixes: a draft may improve on them, never undercut them. */
const JOB_ORDER_TERMS = new Set(['employer', 'occupation', 'wage', 'hoursPerDay', 'contractMonths']);

/**
 * Drafts a matched worker's contract at origin from the verified job order, on the regional
 * standard template: missing terms default from the job order, then from the template. The
 * origin ministry drafts for any worker, a licensed agency for the workers it matched.
 */
@Injectable()
export class DraftContractUseCase extends WriteUseCase {
  async execute(command: DraftContractCommand, officer: Officer): Promise<ContractView> {
    return this.outbox.transaction(async ({ manager, publish }) => {
      const match = await manager.findOneBy(WorkerMatchReplica, { journeyId: command.journeyId });
      // A match the caller may not see answers exactly like no match at all: no existence oracle.
      const visible = match && decideAccess(officer, 'contract.draft', this.config.country, { origin: match.origin, agencyId: match.agencyId ?? null }).allowed;
      if (!match || !visible) throw new WorkerNotMatched(`journey ${command.journeyId} has no worker matched to a job order known on this node`, { journeyId: command.journeyId });
      assertActsForSide(officer, 'origin', 'contract.draft');

      const order = await manager.findOneBy(JobOrderReplica, { id: match.jobOrderId });
      if (!order) throw new WorkerNotMatched(`job order ${match.jobOrderId} of journey ${command.journeyId} is not known on this node yet`, { jobOrderId: match.jobOrderId });
      if (order.status !== 'verified') {
        throw new JobOrderNotVerified(order.id, order.status);
      }
      const fromJobOrder = termsOfJobOrder(order);
      const terms = withChanges(fromJobOrder, command.terms);
      const undercut = detectSubstitution(fromJobOrder, terms).filter((t) => JOB_ORDER_TERMS.has(t.term));
      if (undercut.length) {
        throw new TermsWorseThanJobOrder(order.id, undercut);
      }
      assertDeductionsBelowWage(terms);

      const now = new Date();
      const contract = manager.create(Contract, {
        id: uuidv7(),
        journeyId: match.journeyId,
        workerId: match.workerId,
        jobOrderId: order.id,
        agencyId: match.agencyId,
        origin: match.origin,
        destination: match.destination,
        authoredBy: this.config.country,
        currentVersion: 1,
        signingRound: 1,
        status: 'draft',
        openFlags: 0,
        createdBy: officer.subject,
        createdAt: now,
        updatedAt: now,
      });
      const existing = await manager.findOneBy(Contract, { journeyId: match.journeyId });
      if (existing) {
        throw new ContractAlreadyDrafted(match.journeyId, existing.id, existing.status);
      }
      // A concurrent draft for the same journey loses on the unique journey_id (and rolls back).
      await manager.insert(Contract, contract);
      const clauses = (command.clauses ?? []).map((c) => ({ title: c.title, text: c.text }));
      await manager.insert(ContractVersion, {
        contractId: contract.id,
        version: 1,
        terms,
        clauses,
        status: 'draft',
        amendmentReason: null,
        createdByCountry: officer.country,
        createdBy: officer.subject,
        createdAt: now,
        verifiedAt: null,
        supersededAt: null,
      });
      await this.audit.record(manager, {
        actor: officer,
        action: 'contract.draft',
        targetType: 'contract',
        targetId: contract.id,
        reason: `contract for journey ${contract.journeyId} from job order ${order.id}`,
        details: { journeyId: contract.journeyId, jobOrderId: order.id },
      });
      const { topic, event } = contractEvent(
        contract,
        officer,
        ContractDraftedSchema,
        create(ContractDraftedSchema, {
          contractId: contract.id,
          version: 1,
          workerId: contract.workerId,
          jobOrderId: order.id,
          agencyId: contract.agencyId ?? '',
          origin: contract.origin,
          destination: contract.destination,
          terms: termsToMessage(terms),
          clauses,
        }),
        now,
      );
      await publish(topic, event);
      return contractView(manager, contract);
    });
  }
}

function termsOfJobOrder(order: JobOrderReplica): ContractTerms {
  return {
    employerName: order.employerName,
    employerRegistrationNumber: order.employerRegistrationNumber,
    workplaceProvince: order.workplaceProvince,
    occupationIsco: order.occupationIsco,
    wage: { amountMinor: Number(order.wageMinor), currency: order.wageCurrency },
    payPeriod: order.wagePeriod as PayPeriod,
    hoursPerDay: order.hoursPerDay,
    contractMonths: order.contractMonths,
    ...STANDARD_TEMPLATE_DEFAULTS,
    deductions: [],
  };
}

/** Applies the terms an officer sent onto a base; what they did not send stays as it was. */
export function withChanges(base: ContractTerms, changes: (DraftTermsInput & Partial<Pick<ContractTerms, 'employerName' | 'employerRegistrationNumber' | 'workplaceProvince' | 'occupationIsco'>>) | undefined): ContractTerms {
  if (!changes) return base;
  return {
    employerName: changes.employerName ?? base.employerName,
    employerRegistrationNumber: changes.employerRegistrationNumber ?? base.employerRegistrationNumber,
    workplaceProvince: changes.workplaceProvince ?? base.workplaceProvince,
    occupationIsco: changes.occupationIsco ?? base.occupationIsco,
    wage: { amountMinor: changes.wageAmountMinor ?? base.wage.amountMinor, currency: changes.wageCurrency ?? base.wage.currency },
    payPeriod: changes.payPeriod ?? base.payPeriod,
    hoursPerDay: changes.hoursPerDay ?? base.hoursPerDay,
    restDaysPerWeek: changes.restDaysPerWeek ?? base.restDaysPerWeek,
    overtimeRatePercent: changes.overtimeRatePercent ?? base.overtimeRatePercent,
    contractMonths: changes.contractMonths ?? base.contractMonths,
    accommodation: changes.accommodation ?? base.accommodation,
    deductions: changes.deductions ? changes.deductions.map((d) => ({ purpose: d.purpose, capAmountMinor: d.capAmountMinor })) : base.deductions,
    returnJourneyPaidBy: changes.returnJourneyPaidBy ?? base.returnJourneyPaidBy,
    probationDays: changes.probationDays ?? base.probationDays,
  };
}

/** Allowed deductions together must leave the worker part of the wage of each pay period. */
export function assertDeductionsBelowWage(terms: Pick<ContractTerms, 'deductions' | 'wage' | 'payPeriod'>): void {
  const total = terms.deductions.reduce((sum, d) => sum + d.capAmountMinor, 0);
  if (total >= terms.wage.amountMinor) {
    throw new DeductionsExceedWage(total, terms.wage, terms.payPeriod);
  }
}
