import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import type { Officer } from '@corridor/auth';
import type { CountryKeyring } from '@corridor/crypto';
import { ArrivalConfirmedSchema, ArrivalDiscrepancyFlaggedSchema } from '@corridor/events';
import { assertNotInFuture, ProblemError } from '@corridor/http';
import { Outbox } from '@corridor/messaging';
import { InjectPersonDataKeys, WriteUseCase } from '@corridor/service-runtime';
import { deploymentFor } from './deployment-access';
import type { ArrivalListRow, ConfirmArrivalCommand, ConfirmArrivalListCommand, ReportDiscrepancyCommand } from './deployment.commands';
import { Deployment } from './deployment.entity';
import { DeploymentNotFound, DeploymentStepInvalid } from './deployment.errors';
import { recordStep } from './deployment-step';
import { deploymentView, type ArrivalListView, type ArrivalRowResult, type DeploymentView } from './deployment.views';

/** The destination confirms the worker arrived at the cleared employer. */
@Injectable()
export class ConfirmArrivalUseCase extends WriteUseCase {
  async execute(journeyId: string, command: ConfirmArrivalCommand, officer: Officer, nameListId = ''): Promise<DeploymentView> {
    assertNotInFuture('arrivedOn', command.arrivedOn);
    return this.outbox.transaction(async (tx) => {
      const d = await deploymentFor(tx.manager, journeyId, this.config, 'destination', 'arrival confirmation');
      if (d.departedOn && command.arrivedOn < d.departedOn) throw new DeploymentStepInvalid(`arrivedOn ${command.arrivedOn} is before the departure on ${d.departedOn}`, 'arrivedOn');
      if (command.employerName.trim().toLowerCase() !== d.employerName.trim().toLowerCase()) {
        throw new DeploymentStepInvalid(`the worker was cleared for ${d.employerName}, not ${command.employerName}: report a different-employer discrepancy`, 'employerName');
      }
      await recordStep(tx, this.audit, d, officer, 'confirm-arrival', ArrivalConfirmedSchema, { ...command, nameListId }, `arrived ${command.arrivedOn} at ${command.employerName}`);
      return deploymentView(d);
    });
  }
}

/** The destination reports an arrival discrepancy: a flag at origin (and here). */
@Injectable()
export class ReportDiscrepancyUseCase extends WriteUseCase {
  async execute(journeyId: string, command: ReportDiscrepancyCommand, officer: Officer): Promise<DeploymentView> {
    assertNotInFuture('reportedOn', command.reportedOn);
    return this.outbox.transaction(async (tx) => {
      const d = await deploymentFor(tx.manager, journeyId, this.config, 'destination', 'an arrival discrepancy');
      await recordStep(tx, this.audit, d, officer, 'report-discrepancy', ArrivalDiscrepancyFlaggedSchema, { flagId: uuidv7(), ...command, nameListId: '' }, `${command.kind}: ${command.detail}`);
      return deploymentView(d);
    });
  }
}

/**
 * A name list of up to 500 arrivals: each row is found (journey id, or document number through
 * the blind index of the identity sealed for this node) and confirmed in its own transaction, so
 * a refused row loses nothing of the valid ones; every row is answered with its outcome.
 */
@Injectable()
export class ConfirmArrivalListUseCase {
  constructor(
    private readonly confirm: ConfirmArrivalUseCase,
    private readonly outbox: Outbox,
    @InjectPersonDataKeys() private readonly keys: CountryKeyring,
  ) {}

  async execute(command: ConfirmArrivalListCommand, officer: Officer): Promise<ArrivalListView> {
    const nameListId = uuidv7();
    const rows: ArrivalRowResult[] = [];
    for (const [index, row] of command.rows.entries()) {
      try {
        const journeyId = await this.journeyOf(row);
        await this.confirm.execute(journeyId, { arrivedOn: row.arrivedOn, employerName: row.employerName }, officer, nameListId);
        rows.push({ row: index, outcome: 'accepted', journeyId });
      } catch (error) {
        if (!(error instanceof ProblemError)) throw error;
        rows.push({ row: index, outcome: 'refused', ...(row.journeyId ? { journeyId: row.journeyId } : {}), problem: error.slug, reason: error.message });
      }
    }
    const accepted = rows.filter((r) => r.outcome === 'accepted').length;
    return { nameListId, reference: command.reference, accepted, refused: rows.length - accepted, rows };
  }

  private async journeyOf(row: ArrivalListRow): Promise<string> {
    if (row.journeyId) return row.journeyId;
    const index = this.keys.blindIndex.index(row.documentNumber ?? '');
    const found = await this.outbox.transaction(({ manager }) => manager.find(Deployment, { where: { documentNumberIndex: index }, select: { journeyId: true } }));
    if (found.length !== 1) throw new DeploymentNotFound(`with document ${row.documentNumber}`);
    return found[0].journeyId;
  }
}
