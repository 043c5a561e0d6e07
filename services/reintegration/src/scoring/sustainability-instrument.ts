/**
 * The sustainability score of a returnee's reintegration: a documented, configurable instrument
 * (docs/sustainability-score.md). Indicators are structured questions, each answered on its own
 * scale; an answer is normalised to 0..1 (1 = most sustainable). A dimension's score is the
 * weighted mean of its answered indicators (missing, refused or unknown answers are left out and
 * the weights of the others renormalised); the composite is the weighted sum of the three
 * dimensions, and exists only when every dimension could be scored. The weight table is
 * versioned: every score stores the version it was computed with, so a later table never
 * rewrites an earlier score. Modelled on the integrated approach to reintegration (economic,
 * social, psychosocial); its indicators and weights are this project's own.
 */
export const DIMENSIONS = ['economic', 'social', 'psychosocial'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** An answer that is no answer: left out of the means. */
export const NOT_ANSWERED = ['refused', 'unknown'] as const;

export interface Indicator {
  code: string;
  dimension: Dimension;
  question: string;
  /** Answer code → normalised value 0..1. */
  scale: Record<string, number>;
  weight: number;
}

export interface WeightTable {
  version: string;
  /** Weights of the dimensions in the composite; they sum to 1. */
  dimensions: Record<Dimension, number>;
  indicators: Indicator[];
}

const FIVE = { 'very-poor': 0, poor: 0.25, fair: 0.5, good: 0.75, 'very-good': 1 };
const FREQUENCY = { always: 0, often: 0.25, sometimes: 0.5, rarely: 0.75, never: 1 };
const YES_NO = { no: 0, yes: 1 };

/** Every weight table there has been; the newest is used unless SUSTAINABILITY_WEIGHTS_VERSION names another. */
export const WEIGHT_TABLES: readonly WeightTable[] = [
  {
    version: '2026-1',
    dimensions: { economic: 0.4, social: 0.3, psychosocial: 0.3 },
    indicators: [
      { code: 'econ.income-sufficiency', dimension: 'economic', question: 'How well does your income cover your household needs?', scale: FIVE, weight: 0.35 },
      { code: 'econ.employment', dimension: 'economic', question: 'Do you have work or a business that earns an income?', scale: { none: 0, occasional: 0.4, 'part-time': 0.7, 'full-time': 1 }, weight: 0.35 },
      { code: 'econ.debt-burden', dimension: 'economic', question: 'How heavy are your debts (including recruitment debt)?', scale: { 'unpayable': 0, heavy: 0.33, manageable: 0.67, none: 1 }, weight: 0.3 },
      { code: 'social.housing', dimension: 'social', question: 'How secure is your housing?', scale: FIVE, weight: 0.3 },
      { code: 'social.services-access', dimension: 'social', question: 'Can you get health care, schooling and documents when you need them?', scale: FIVE, weight: 0.35 },
      { code: 'social.network', dimension: 'social', question: 'Do you take part in community activities or have people to rely on?', scale: YES_NO, weight: 0.35 },
      { code: 'psy.distress', dimension: 'psychosocial', question: 'How often do you feel anxious, sad or unable to cope?', scale: FREQUENCY, weight: 0.4 },
      { code: 'psy.belonging', dimension: 'psychosocial', question: 'Do you feel you belong where you live now?', scale: FIVE, weight: 0.3 },
      { code: 'psy.discrimination', dimension: 'psychosocial', question: 'How often are you treated badly because you migrated or returned?', scale: FREQUENCY, weight: 0.3 },
    ],
  },
];

export function weightTable(version?: string): WeightTable {
  const table = version ? WEIGHT_TABLES.find((t) => t.version === version) : WEIGHT_TABLES[WEIGHT_TABLES.length - 1];
  if (!table) throw new Error(`no sustainability weight table ${version}; known: ${WEIGHT_TABLES.map((t) => t.version).join(', ')}`);
  return table;
}

/** The weight table in use: SUSTAINABILITY_WEIGHTS_VERSION, or the newest. */
export function activeWeightTable(env: NodeJS.ProcessEnv = process.env): WeightTable {
  return weightTable(env.SUSTAINABILITY_WEIGHTS_VERSION || undefined);
}

export interface ScoredAnswer {
  indicator: string;
  answer: string;
  /** 0..1, or null when refused, unknown or not asked. */
  normalised: number | null;
}

export interface Score {
  weightsVersion: string;
  economic: number | null;
  social: number | null;
  psychosocial: number | null;
  composite: number | null;
  answered: number;
  asked: number;
}

/** What is wrong with a set of answers (unknown indicator, answer not on the scale); empty when it can be scored. */
export function answerProblems(answers: Record<string, string>, table: WeightTable): string[] {
  const problems: string[] = [];
  for (const [code, answer] of Object.entries(answers)) {
    const indicator = table.indicators.find((i) => i.code === code);
    if (!indicator) problems.push(`${code} is not an indicator of weight table ${table.version}; known: ${table.indicators.map((i) => i.code).join(', ')}`);
    else if (!(answer in indicator.scale) && !(NOT_ANSWERED as readonly string[]).includes(answer)) {
      problems.push(`${code}: "${answer}" is not on its scale (${[...Object.keys(indicator.scale), ...NOT_ANSWERED].join(', ')})`);
    }
  }
  return problems;
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;

/** Scores a set of answers (indicator code → answer code) with one weight table. */
export function score(answers: Record<string, string>, table: WeightTable): { answers: ScoredAnswer[]; score: Score } {
  const scored: ScoredAnswer[] = table.indicators.map((indicator) => {
    const answer = answers[indicator.code] ?? 'unknown';
    const value = indicator.scale[answer];
    return { indicator: indicator.code, answer, normalised: value === undefined ? null : value };
  });
  const dimension = (d: Dimension): number | null => {
    let sum = 0;
    let weights = 0;
    table.indicators.forEach((indicator, i) => {
      const value = scored[i].normalised;
      if (indicator.dimension !== d || value === null) return;
      sum += indicator.weight * value;
      weights += indicator.weight;
    });
    return weights > 0 ? round(sum / weights) : null;
  };
  const [economic, social, psychosocial] = DIMENSIONS.map(dimension);
  const byDimension = { economic, social, psychosocial };
  const composite = DIMENSIONS.every((d) => byDimension[d] !== null) ? round(DIMENSIONS.reduce((s, d) => s + table.dimensions[d] * byDimension[d]!, 0)) : null;
  return {
    answers: scored,
    score: { weightsVersion: table.version, economic, social, psychosocial, composite, answered: scored.filter((a) => a.normalised !== null).length, asked: table.indicators.length },
  };
}
