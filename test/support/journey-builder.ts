import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { addDays } from '@corridor/reference-data';
import { bearer, eventually } from '@corridor/testing';
import { clearForDeparture, departsAndArrives, deploymentOnTh } from './deployment-steps';
import { RESOURCE_BUILDERS, paysFee, registersWorker, scenarioTokensFor, signAndVerifyContract, type BuildStep, type ResourceBuilder, type ScenarioCountry, type ScenarioService } from './platform-scenario';

/**
 * Journeys of chosen people built through every stage's HTTP API, for suites that need a known
 * set of them (the statistics suite): the scenario's own builders (platform-scenario.ts) and the
 * deployment steps, with the values each journey needs (sex, occupation, fee, dates) instead of
 * the scenario's fixed ones.
 */

export type AppOf = (country: ScenarioCountry, service: ScenarioService) => INestApplication;

export interface JourneyPlan {
  sex: 'female' | 'male';
  occupationIsco: string;
  /** A job order TH created and KH verified (aVerifiedJobOrder). */
  jobOrderId: string;
  /** Its employer: the one TH confirms the arrival with. */
  employerName: string;
  /** The recruitment fee the worker paid the agency, THB minor units. */
  feeMinor: number;
  /** Registered at TH on worse terms after verification: a substitution flag, resolved before clearance. */
  substitution?: boolean;
  /** The passport checked at exit clearance (unique in the run). */
  documentNumber: string;
  departedOn: string;
  /** Issued by TH on the day of arrival when given. */
  permitNumber?: string;
}

/** One licensed KH agency (the scenario's agency builder); its staff recruit the journeys built with it. */
export async function anAgency(app: AppOf): Promise<{ app: AppOf; agencyId: string; tokens: BuildStep['tokens'] }> {
  const tokens = scenarioTokensFor(() => {
    throw new Error('the agency is not built yet');
  });
  const agencyId = await RESOURCE_BUILDERS.agency({ owner: 'A', app, tokens, made: {}, notes: {} });
  return { app, agencyId, tokens: scenarioTokensFor(() => agencyId) };
}

/**
 * A journey from registration to work abroad: registered and matched by the agency, orientation
 * attended, fee paid, contract drafted, signed and verified on both sides (substituted at TH when
 * planned), cleared (breach, flag and orientation settled, insurance recorded), departed and
 * arrived (and permitted). Returns the step, whose `made` names every id.
 */
export async function aJourneyAbroad(agency: { app: AppOf; agencyId: string; tokens: BuildStep['tokens'] }, plan: JourneyPlan): Promise<BuildStep> {
  const step: BuildStep = { owner: 'A', app: agency.app, tokens: agency.tokens, made: { agency: agency.agencyId, 'job-order': plan.jobOrderId }, notes: {} };
  const build = async (resource: string, builder: ResourceBuilder) => {
    step.made[resource] = await builder(step);
  };
  await build('worker', registersWorker({ sex: plan.sex, occupationIsco: plan.occupationIsco }));
  await build('match', RESOURCE_BUILDERS.match);
  await build('orientation-session', RESOURCE_BUILDERS['orientation-session']);
  await build('fee', paysFee(plan.feeMinor));
  if (step.notes.breachId) step.made['fee-breach'] = step.notes.breachId as string;
  await build('journey', RESOURCE_BUILDERS.journey);
  await build('contract', RESOURCE_BUILDERS.contract);
  if (plan.substitution) await build('substitution-flag', RESOURCE_BUILDERS['substitution-flag']);
  else await signAndVerifyContract(step);
  await clearForDeparture(step, plan.documentNumber);
  await deploymentOnTh(step, step.made.journey);
  await departsAndArrives(step, { on: plan.departedOn, permitNumber: plan.permitNumber, employerName: plan.employerName });
  return step;
}

const KH_CASEWORKER = bearer('KH', ['caseworker'], undefined, 'caseworker-kh-1');
const TH_CASEWORKER = bearer('TH', ['caseworker'], undefined, 'caseworker-th-7');

async function created(test: request.Test, what: string): Promise<Record<string, unknown>> {
  const response = await test;
  if (response.status !== 201) throw new Error(`${what} answered ${response.status}: ${response.text.slice(0, 400)}`);
  return response.body as Record<string, unknown>;
}

/** A remittance home, as the family reported it at KH. */
export async function remits(step: BuildStep, remittance: { sentOn: string; amountMinor: number; feeMinor: number; channel: string }): Promise<string> {
  const body = await created(
    request(step.app('KH', 'social-protection').getHttpServer())
      .post('/api/v1/remittances')
      .set('Authorization', step.tokens.khMinistry())
      .send({ journeyId: step.made.journey, origin: 'KH', destination: 'TH', currency: 'THB', ...remittance }),
    'remittance',
  );
  return body.remittanceId as string;
}

/** A grievance filed at KH, taken by a TH caseworker once in TH's queue, and resolved there. */
export async function filesGrievanceResolvedAtTh(step: BuildStep, grievance: { category: string; filedOn: string; resolvedOn: string; outcome: string; amountRecoveredMinor: number }): Promise<string> {
  const sp = (country: ScenarioCountry) => request(step.app(country, 'social-protection').getHttpServer());
  const filed = await created(
    sp('KH')
      .post('/api/v1/grievances')
      .set('Authorization', step.tokens.khMinistry())
      .send({ journeyId: step.made.journey, origin: 'KH', destination: 'TH', category: grievance.category, description: 'Wages unpaid for two months', filedOn: grievance.filedOn }),
    'grievance',
  );
  const id = filed.grievanceId as string;
  await eventually(async () => ((await sp('TH').get(`/api/v1/grievances/${id}`).set('Authorization', step.tokens.thDestination())).status === 200 ? true : undefined), 30_000, `grievance ${id} on TH`);
  await created(sp('TH').post(`/api/v1/grievances/${id}/assignment`).set('Authorization', step.tokens.thDestination()).send({ assignee: 'caseworker-th-7' }), 'assignment');
  await created(
    sp('TH').post(`/api/v1/grievances/${id}/resolution`).set('Authorization', TH_CASEWORKER).send({ outcome: grievance.outcome, resolvedOn: grievance.resolvedOn, amountRecoveredMinor: grievance.amountRecoveredMinor, currency: 'THB', note: 'settled at the labour office' }),
    'resolution',
  );
  return id;
}

/** The worker's return home, recorded by the KH caseworker once KH reintegration knows the journey; the case it opens. */
export async function returnsHome(step: BuildStep, homecoming: { type: string; returnDate: string }): Promise<{ returnId: string; caseId: string }> {
  const reintegration = () => request(step.app('KH', 'reintegration').getHttpServer());
  const recorded = await eventually(async () => {
    const r = await reintegration().post('/api/v1/returns').set('Authorization', KH_CASEWORKER).send({ journeyId: step.made.journey, status: 'happened', checkpoint: 'Poipet', ...homecoming });
    return r.status === 201 ? (r.body as Record<string, unknown>) : undefined;
  }, 30_000, `return of ${step.made.journey}`);
  return { returnId: recorded.returnId as string, caseId: await caseOf(step.app, step.made.journey) };
}

/** A returnee this node never sent abroad (a minimal record): the journey it opens and its case. */
export async function returneeWithoutJourney(app: AppOf, returnee: { sex: string; returnedFrom: string; type: string; returnDate: string }): Promise<{ journeyId: string; caseId: string }> {
  const recorded = await created(
    request(app('KH', 'reintegration').getHttpServer()).post('/api/v1/returns').set('Authorization', KH_CASEWORKER).send({ status: 'happened', checkpoint: 'Poipet', ...returnee }),
    'return without a journey',
  );
  const journeyId = recorded.journeyId as string;
  return { journeyId, caseId: await caseOf(app, journeyId) };
}

async function caseOf(app: AppOf, journeyId: string): Promise<string> {
  return eventually(async () => {
    const r = await request(app('KH', 'reintegration').getHttpServer()).get(`/api/v1/reintegration-cases?journeyId=${journeyId}`).set('Authorization', KH_CASEWORKER);
    return r.status === 200 && r.body.total === 1 ? (r.body.items[0].caseId as string) : undefined;
  }, 30_000, `reintegration case of ${journeyId}`);
}

/** The case's needs assessment, then (planned first: follow-ups belong to a planned case) each follow-up, on the sustainability instrument's answers. */
export async function assessesAndFollowsUp(app: AppOf, caseId: string, on: string, assessment: Record<string, string>, followUps: Record<string, string>[] = []): Promise<void> {
  const post = (path: string, body: object, what: string) => created(request(app('KH', 'reintegration').getHttpServer()).post(`/api/v1/reintegration-cases/${caseId}${path}`).set('Authorization', KH_CASEWORKER).send(body), what);
  await post('/assessments', { heldOn: on, answers: assessment }, 'assessment');
  if (followUps.length) await post('/plans', { goals: [{ dimension: 'economic', description: 'a job in the home province', targetDate: addDays(on, 90) }] }, 'plan');
  for (const answers of followUps) await post('/follow-ups', { heldOn: on, answers }, 'follow-up');
}
