/** The roles an officer's token can carry (see docs/access.md for who may do what). */
export const ROLES = [
  'ministry-officer',
  'agency-staff',
  'destination-officer',
  'welfare-officer',
  'caseworker',
  'statistician',
  'auditor',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Who is calling, from a verified token. */
export interface Officer {
  subject: string;
  country: string;
  agencyId?: string;
  roles: Role[];
}
