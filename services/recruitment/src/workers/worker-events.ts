import { Sex } from '@corridor/events';

/** The sex of a worker as events carry it. */
export const SEX_ON_THE_WIRE = { female: Sex.FEMALE, male: Sex.MALE, other: Sex.OTHER } as const;
