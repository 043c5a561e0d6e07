import { Sex } from './generated/corridor/v1/recruitment_pb';

/** The sexes a worker or returnee is recorded with, as APIs and statistics name them. */
export const SEXES = ['female', 'male', 'other'] as const;
export type SexName = (typeof SEXES)[number];

/** The sex as events carry it. */
export const SEX_ON_THE_WIRE = { female: Sex.FEMALE, male: Sex.MALE, other: Sex.OTHER } as const;

/** The sex an event carries, by name; 'unknown' for events from before sex was recorded. */
export function sexName(sex: Sex): SexName | 'unknown' {
  return sex === Sex.FEMALE ? 'female' : sex === Sex.MALE ? 'male' : sex === Sex.OTHER ? 'other' : 'unknown';
}
