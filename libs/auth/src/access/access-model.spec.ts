import { ROLES, type Officer, type Role } from '../roles';
import { accessScope, decideAccess, type ResourceOwner } from './access-model';
import { OPERATIONS, ROLE_GRANTS, type Operation } from './operations';

const OPERATION_NAMES = Object.keys(OPERATIONS) as Operation[];
const AGENCY_A = '0193a000-0000-7000-8000-00000000000a';
const AGENCY_B = '0193b000-0000-7000-8000-00000000000b';

/** Every object owner the model tells apart. */
const OWNERS: Record<string, ResourceOwner> = {
  "agency A's worker at KH": { origin: 'KH', agencyId: AGENCY_A },
  "agency B's worker at KH": { origin: 'KH', agencyId: AGENCY_B },
  "the ministry's own worker at KH": { origin: 'KH', agencyId: null },
  'a KH>TH job order (no agency)': { origin: 'KH', destination: 'TH', sharedWithDestination: true },
  "agency A's KH>TH contract": { origin: 'KH', destination: 'TH', sharedWithDestination: true, agencyId: AGENCY_A },
  "agency A's KH journey before crossing": { origin: 'KH', destination: 'TH', sharedWithDestination: false, agencyId: AGENCY_A },
  "agency A's KH journey after crossing": { origin: 'KH', destination: 'TH', sharedWithDestination: true, agencyId: AGENCY_A },
};

function roleCombinations(): Role[][] {
  const all: Role[][] = [];
  for (let mask = 1; mask < 1 << ROLES.length; mask++) all.push(ROLES.filter((_, i) => mask & (1 << i)));
  return all;
}

const officer = (country: string, roles: Role[], agencyId?: string): Officer => ({ subject: 'o', country, roles, agencyId });
const allowed = (o: Officer, operation: Operation, node: string, owner?: ResourceOwner) => decideAccess(o, operation, node, owner).allowed;

describe('the access model over every role combination, operation and owner', () => {
  const combinations = roleCombinations();
  const claims = [undefined, AGENCY_A, AGENCY_B];
  const countries = ['KH', 'TH', 'LA'];
  const nodes = ['KH', 'TH'];

  it('covers all 255 role combinations', () => {
    expect(combinations).toHaveLength(255);
  });

  // A role's own decision is asked once per case, not once for each of the 128 combinations holding it.
  const alone = new Map<string, boolean>();
  const allowedAlone = (role: Role, country: string, agency: string | undefined, node: string, operation: Operation, name: string, owner?: ResourceOwner) => {
    const key = `${role}|${country}|${agency}|${node}|${operation}|${name}`;
    let answer = alone.get(key);
    if (answer === undefined) alone.set(key, (answer = allowed(officer(country, [role], agency), operation, node, owner)));
    return answer;
  };

  it('a combination is never allowed what none of its roles alone is allowed (roles never widen scope)', () => {
    let decisions = 0;
    const widened: string[] = [];
    for (const roles of combinations) {
      for (const agency of claims) {
        for (const country of countries) {
          for (const node of nodes) {
            for (const operation of OPERATION_NAMES) {
              for (const [name, owner] of [['(no object)', undefined] as const, ...Object.entries(OWNERS)]) {
                decisions++;
                if (!allowed(officer(country, roles, agency), operation, node, owner)) continue;
                if (!roles.some((role) => allowedAlone(role, country, agency, node, operation, name, owner))) {
                  widened.push(`${roles.join('+')} agency=${agency} ${country}@${node} ${operation} on ${name}`);
                }
              }
            }
          }
        }
      }
    }
    expect(decisions).toBeGreaterThan(500_000);
    expect(widened.slice(0, 5)).toEqual([]);
  });

  it("a token that names an agency never reaches another agency's object, whatever else it carries", () => {
    const reached: string[] = [];
    for (const roles of combinations) {
      for (const operation of OPERATION_NAMES) {
        for (const [name, owner] of Object.entries(OWNERS)) {
          if (owner.agencyId === undefined || owner.agencyId === AGENCY_B) continue;
          if (allowed(officer('KH', roles, AGENCY_B), operation, 'KH', owner)) reached.push(`${roles.join('+')} ${operation} on ${name}`);
        }
      }
    }
    expect(reached).toEqual([]);
  });

  // The loops collect what they find and assert once: an expect per decision costs more than the decision.
  it('a token that names an agency does only what agency staff may do', () => {
    const beyond: string[] = [];
    for (const roles of combinations) {
      for (const operation of OPERATION_NAMES) {
        if (ROLE_GRANTS['agency-staff'][operation]) continue;
        if (allowed(officer('KH', roles, AGENCY_A), operation, 'KH')) beyond.push(`${roles.join('+')} ${operation}`);
      }
    }
    expect(beyond).toEqual([]);
  });

  it("a third country never reaches a corridor's objects, on any node", () => {
    const reached: string[] = [];
    for (const roles of combinations) {
      for (const operation of OPERATION_NAMES) {
        for (const node of nodes) {
          for (const [name, owner] of Object.entries(OWNERS)) if (allowed(officer('LA', roles), operation, node, owner)) reached.push(`${roles.join('+')} ${operation}@${node} on ${name}`);
        }
      }
    }
    expect(reached).toEqual([]);
  });

  it("an agency's token acts only on its own country's objects: a TH token naming a KH agency reaches nothing of it", () => {
    const reached: string[] = [];
    for (const roles of combinations) {
      for (const operation of OPERATION_NAMES) {
        for (const [name, owner] of Object.entries(OWNERS)) if (allowed(officer('TH', roles, AGENCY_A), operation, 'TH', owner)) reached.push(`${roles.join('+')} ${operation} on ${name}`);
      }
    }
    expect(reached).toEqual([]);
  });
});

describe('the findings that made this model', () => {
  const workerOfA = OWNERS["agency A's worker at KH"];

  it("agency-staff + admin of agency B is refused A's worker, which admin alone could never read either", () => {
    for (const operation of ['worker.read', 'worker.nominate', 'worker.withdraw-consent', 'fee.record'] as Operation[]) {
      expect(allowed(officer('KH', ['agency-staff', 'admin'], AGENCY_B), operation, 'KH', workerOfA)).toBe(false);
    }
    expect(allowed(officer('KH', ['agency-staff', 'admin'], AGENCY_A), 'worker.read', 'KH', workerOfA)).toBe(true);
  });

  it('agency-staff + statistician is held to the agency on journeys', () => {
    const journey = OWNERS["agency A's KH journey before crossing"];
    expect(allowed(officer('KH', ['agency-staff', 'statistician'], AGENCY_B), 'journey.read', 'KH', journey)).toBe(false);
    expect(accessScope(officer('KH', ['agency-staff', 'statistician'], AGENCY_B)).agency).toBe(AGENCY_B);
  });

  it('agency staff without an agency in the token reach no agency-owned object', () => {
    expect(allowed(officer('KH', ['agency-staff']), 'worker.read', 'KH', workerOfA)).toBe(false);
    expect(allowed(officer('KH', ['agency-staff']), 'worker.read', 'KH', OWNERS["the ministry's own worker at KH"])).toBe(false);
  });

  it('the destination sees a journey only once it crossed, and acts only for its side', () => {
    expect(allowed(officer('TH', ['destination-officer']), 'journey.read', 'KH', OWNERS["agency A's KH journey before crossing"])).toBe(false);
    expect(allowed(officer('TH', ['destination-officer']), 'journey.read', 'KH', OWNERS["agency A's KH journey after crossing"])).toBe(true);
    expect(allowed(officer('TH', ['destination-officer']), 'contract.decide', 'TH', OWNERS["agency A's KH>TH contract"])).toBe(true);
    expect(allowed(officer('TH', ['ministry-officer']), 'contract.decide', 'TH', OWNERS["agency A's KH>TH contract"])).toBe(false);
  });

  it('other countries are refused on node-only operations with a 403 reason, not a 404 one', () => {
    const decision = decideAccess(officer('TH', ['ministry-officer']), 'worker.register', 'KH');
    expect(decision).toMatchObject({ allowed: false, refusal: 'other-country' });
    expect(decideAccess(officer('KH', ['statistician']), 'worker.register', 'KH')).toMatchObject({ allowed: false, refusal: 'no-role' });
  });
});
