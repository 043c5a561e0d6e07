import request from 'supertest';
import { isoDay } from '@corridor/reference-data';
import { eventually } from '@corridor/testing';
import type { BuildStep } from './platform-scenario';

/** The identity an origin officer checks at exit clearance (valid far beyond any contract). */
export const clearanceIdentity = (documentNumber: string, documentExpiry = '2036-01-01') => ({
  fullName: 'សុខ ដារា',
  fullNameLatin: 'SOK Dara',
  birthDate: '1996-04-12',
  documentType: 'passport',
  documentNumber,
  documentExpiry,
  nationality: 'KH',
});

/**
 * Clears what blocks departure in the scenario chain (the substitution flag and the fee breach
 * the earlier builders raised, orientation not completed), records the corridor's insurance,
 * then grants exit clearance once KH deployment has the events it needs. Returns the grant's body.
 */
export async function clearForDeparture(step: BuildStep, documentNumber: string): Promise<Record<string, unknown>> {
  const kh = (service: 'recruitment' | 'contracts' | 'deployment') => request(step.app('KH', service).getHttpServer());
  const ministry = step.tokens.khMinistry();
  const journeyId = step.made.journey;
  const ok = (r: request.Response, what: string) => {
    if (r.status !== 201) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  };
  if (step.made['substitution-flag']) {
    ok(
      await kh('contracts')
        .post(`/api/v1/contracts/${step.made.contract}/substitution-flags/${step.made['substitution-flag']}/resolution`)
        .set('Authorization', ministry)
        .send({ decision: 'terms-restored', reason: 'employer signed an addendum restoring the verified terms' }),
      'flag resolution',
    );
  }
  if (step.made['fee-breach']) {
    ok(await kh('recruitment').post(`/api/v1/fee-breaches/${step.made['fee-breach']}/decisions`).set('Authorization', ministry).send({ reason: 'fee refunded in cash, receipt checked' }), 'breach decision');
  }
  if (step.made['orientation-session']) {
    ok(await kh('recruitment').post(`/api/v1/orientation-sessions/${step.made['orientation-session']}/completion`).set('Authorization', step.tokens.staffOf(step.owner)).send({}), 'orientation completion');
  }
  await eventually(async () => {
    const r = await kh('deployment').post(`/api/v1/deployments/${journeyId}/insurance`).set('Authorization', ministry).send({ insurer: 'Forte Insurance Cambodia', policyNumber: `MW-${documentNumber}`, coveredFrom: isoDay(), coveredTo: '2030-12-31' });
    return r.status === 201 ? r : undefined;
  }, 30_000, `insurance of ${journeyId}`);
  const granted = await eventually(async () => {
    const r = await kh('deployment').post(`/api/v1/deployments/${journeyId}/clearance`).set('Authorization', ministry).send({ identity: clearanceIdentity(documentNumber) });
    return r.status === 201 ? r : undefined;
  }, 30_000, `exit clearance of ${journeyId}`);
  return granted.body as Record<string, unknown>;
}

/** Waits until TH deployment holds the journey's deployment in `status` (or any, when omitted). */
export async function deploymentOnTh(step: Pick<BuildStep, 'app' | 'tokens'>, journeyId: string, until: (d: Record<string, unknown>) => boolean = () => true) {
  return eventually(async () => {
    const r = await request(step.app('TH', 'deployment').getHttpServer()).get(`/api/v1/deployments/${journeyId}`).set('Authorization', step.tokens.thDestination());
    return r.status === 200 && until(r.body) ? (r.body as Record<string, unknown>) : undefined;
  }, 30_000, `deployment ${journeyId} on TH`);
}

/**
 * A cleared journey leaves KH by road through Poipet on `on`, TH confirms the arrival (once it
 * has the departure) and, with `permit`, issues the work permit the same day.
 */
export async function departsAndArrives(step: Pick<BuildStep, 'app' | 'tokens' | 'made'>, options: { on: string; permitNumber?: string; employerName?: string }): Promise<void> {
  const journeyId = step.made.journey;
  const ok = (r: request.Response, what: string) => {
    if (r.status !== 201) throw new Error(`${what} of ${journeyId}: ${r.status} ${JSON.stringify(r.body)}`);
  };
  const th = () => request(step.app('TH', 'deployment').getHttpServer());
  ok(
    await request(step.app('KH', 'deployment').getHttpServer())
      .post(`/api/v1/deployments/${journeyId}/departure`)
      .set('Authorization', step.tokens.khMinistry())
      .send({ departedOn: options.on, means: 'road', plannedCheckpoint: 'KH-TH-POIPET' }),
    'departure',
  );
  await deploymentOnTh(step, journeyId, (d) => d.status === 'departed');
  ok(await th().post(`/api/v1/deployments/${journeyId}/arrival`).set('Authorization', step.tokens.thDestination()).send({ arrivedOn: options.on, employerName: options.employerName ?? 'Siam Frozen Foods Co., Ltd.' }), 'arrival');
  if (options.permitNumber) {
    ok(await th().post(`/api/v1/deployments/${journeyId}/permit`).set('Authorization', step.tokens.thDestination()).send({ permitNumber: options.permitNumber, permitType: 'work-permit-and-visa', issuedOn: options.on }), 'permit');
  }
}
