import { Injectable } from '@nestjs/common';
import type { Officer } from '@corridor/auth';
import { BorderCrossedSchema, DepartureRecordedSchema } from '@corridor/events';
import { assertNotInFuture } from '@corridor/http';
import { checkpointsOf, isCheckpointOf } from '@corridor/reference-data';
import { WriteUseCase } from '@corridor/service-runtime';
import { deploymentFor } from './deployment-access';
import type { RecordCrossingCommand, RecordDepartureCommand } from './deployment.commands';
import type { Deployment } from './deployment.entity';
import { DeploymentStepInvalid } from './deployment.errors';
import { arrivalDueBy } from './deployment.rules';
import { policyOf, recordStep } from './deployment-step';
import { deploymentView, type DeploymentView } from './deployment.views';

function assertCheckpoint(field: string, code: string, d: Pick<Deployment, 'origin' | 'destination'>): void {
  if (!isCheckpointOf(code, d.origin, d.destination)) {
    const allowed = checkpointsOf(d.origin, d.destination).map((c) => c.code);
    throw new DeploymentStepInvalid(`${code} is not a checkpoint of ${d.origin}>${d.destination}`, field, allowed);
  }
}

/** Departure, recorded by an origin officer: starts the arrival deadline of the corridor. */
@Injectable()
export class RecordDepartureUseCase extends WriteUseCase {
  async execute(journeyId: string, command: RecordDepartureCommand, officer: Officer): Promise<DeploymentView> {
    assertNotInFuture('departedOn', command.departedOn);
    return this.outbox.transaction(async (tx) => {
      const d = await deploymentFor(tx.manager, journeyId, this.config, 'origin', 'departure');
      assertCheckpoint('plannedCheckpoint', command.plannedCheckpoint, d);
      if (command.departedOn < d.validFrom || command.departedOn > d.validUntil) {
        throw new DeploymentStepInvalid(`departedOn ${command.departedOn} is outside the clearance's validity ${d.validFrom}..${d.validUntil}`, 'departedOn');
      }
      const due = arrivalDueBy(command.departedOn, policyOf(this.config, d));
      await recordStep(tx, this.audit, d, officer, 'depart', DepartureRecordedSchema, { clearanceId: d.clearanceId, ...command, arrivalDueBy: due }, `departed ${command.departedOn} by ${command.means}`);
      return deploymentView(d);
    });
  }
}

/** Border crossing at a checkpoint of the corridor, recorded by an origin officer. */
@Injectable()
export class RecordCrossingUseCase extends WriteUseCase {
  async execute(journeyId: string, command: RecordCrossingCommand, officer: Officer): Promise<DeploymentView> {
    assertNotInFuture('crossedOn', command.crossedOn);
    return this.outbox.transaction(async (tx) => {
      const d = await deploymentFor(tx.manager, journeyId, this.config, 'origin', 'border crossing');
      assertCheckpoint('checkpoint', command.checkpoint, d);
      if (d.departedOn && command.crossedOn < d.departedOn) throw new DeploymentStepInvalid(`crossedOn ${command.crossedOn} is before the departure on ${d.departedOn}`, 'crossedOn');
      await recordStep(tx, this.audit, d, officer, 'cross', BorderCrossedSchema, command, `crossed at ${command.checkpoint} on ${command.crossedOn}`);
      return deploymentView(d);
    });
  }
}
