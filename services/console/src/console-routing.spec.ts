import { parseCorridors } from '@corridor/config';
import type { NodeCountry } from '@corridor/reference-data';
import { sessionView } from './console.controller';
import type { ConsoleSession } from './sessions';
import { stageUrlFor } from './stage-routes';

/** A node of the demo's corridors (KH>TH, LA>TH). */
const node = (country: NodeCountry) => ({ country, corridors: parseCorridors('KH>TH,LA>TH') });

const session = (country: string, roles: ConsoleSession['officer']['roles'], agencyId?: string): ConsoleSession => ({
  id: 's',
  officer: { subject: 'o', country, roles, agencyId },
  token: 't',
  csrfToken: 'c',
  expiresAt: Date.now() + 1000,
});

describe('the console forwards each /api/v1 path to the stage service that owns it', () => {
  it('by the first segment, on the node the console belongs to, with the query kept', () => {
    expect(stageUrlFor('KH', '/api/v1/workers?name=Sok&purpose=x', {})).toBe('http://127.0.0.1:3101/api/v1/workers?name=Sok&purpose=x');
    expect(stageUrlFor('TH', '/api/v1/contracts/abc/verifications', {})).toBe('http://127.0.0.1:3202/api/v1/contracts/abc/verifications');
    expect(stageUrlFor('KH', '/api/v1/journeys/j/timeline', { CORRIDOR_KH_JOURNEY_URL: 'http://10.0.0.5:8080' })).toBe('http://10.0.0.5:8080/api/v1/journeys/j/timeline');
  });

  it('the later stages: deployment (arrivals), social protection (grievances) and reintegration (the work queue)', () => {
    expect(stageUrlFor('TH', '/api/v1/deployments/arrival-lists', {})).toBe('http://127.0.0.1:3203/api/v1/deployments/arrival-lists');
    expect(stageUrlFor('TH', '/api/v1/grievances?status=filed', {})).toBe('http://127.0.0.1:3204/api/v1/grievances?status=filed');
    expect(stageUrlFor('KH', '/api/v1/reintegration-cases/c/follow-ups', {})).toBe('http://127.0.0.1:3105/api/v1/reintegration-cases/c/follow-ups');
  });

  it('forwards nothing else', () => {
    expect(stageUrlFor('KH', '/api/v1/audit/entries', {})).toBeUndefined();
    expect(stageUrlFor('KH', '/api/v1/workersx', {})).toBeUndefined();
    expect(stageUrlFor('KH', '/api/docs', {})).toBeUndefined();
  });
});

describe('the screens an officer gets come from the access model', () => {
  it('an origin ministry officer on its own node gets the origin operations, not the destination ones', () => {
    const view = sessionView(session('KH', ['ministry-officer']), node('KH'), 'km');
    expect(view.operations['worker.register']).toEqual(['origin']);
    expect(view.operations['job-order.approve']).toBeUndefined();
    expect(view.locale).toBe('km');
  });

  it('an agency-held token acts as agency staff only, whatever other role it names', () => {
    const view = sessionView(session('KH', ['ministry-officer'], 'A-1'), node('KH'), undefined);
    expect(view.operations['agency.register']).toBeUndefined();
    expect(view.operations['worker.register']).toBeUndefined();
  });

  it('an officer of another country gets only the cross-node operations', () => {
    const view = sessionView(session('LA', ['ministry-officer']), node('TH'), undefined);
    expect(Object.keys(view.operations)).toEqual(['journey.read']);
  });

  it('a destination node offers the checkpoints of the corridors arriving at it, each once; an origin node none', () => {
    const th = sessionView(session('TH', ['destination-officer']), node('TH'), undefined).arrivalCheckpoints.map((c) => c.code);
    expect(th).toEqual(['KH-TH-POIPET', 'KH-TH-CHAMYEAM', 'KH-TH-OSMACH', 'AIR-BKK', 'LA-TH-FRIENDSHIP-1', 'LA-TH-FRIENDSHIP-2']);
    expect(sessionView(session('KH', ['ministry-officer']), node('KH'), undefined).arrivalCheckpoints).toEqual([]);
  });
});
