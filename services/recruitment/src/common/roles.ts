import type { Officer } from '@corridor/auth';

/** A ministry officer (or admin) of the node acts for any agency; agency staff only for their own. */
export function isMinistry(officer: Officer): boolean {
  return officer.roles.some((role) => role === 'ministry-officer' || role === 'admin');
}

export function actorOf(officer: Officer): { country: string; agencyId?: string; officerId: string } {
  return { country: officer.country, agencyId: officer.agencyId, officerId: officer.subject };
}
