/** The sex of a worker as events carry it (one mapping for every service: libs/events). */
export { SEX_ON_THE_WIRE } from '@corridor/events';
