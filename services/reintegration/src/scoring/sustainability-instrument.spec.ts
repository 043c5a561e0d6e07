import { WEIGHT_TABLES, answerProblems, score, weightTable } from './sustainability-instrument';

const table = weightTable('2026-1');
const all = (answer: Record<string, string>) => ({
  'econ.income-sufficiency': 'fair', 'econ.employment': 'part-time', 'econ.debt-burden': 'manageable',
  'social.housing': 'good', 'social.services-access': 'fair', 'social.network': 'yes',
  'psy.distress': 'sometimes', 'psy.belonging': 'good', 'psy.discrimination': 'rarely', ...answer,
});

describe('the sustainability score', () => {
  it('every weight table sums to 1 per dimension and across dimensions', () => {
    for (const t of WEIGHT_TABLES) {
      expect(Object.values(t.dimensions).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
      for (const d of ['economic', 'social', 'psychosocial']) expect(t.indicators.filter((i) => i.dimension === d).reduce((a, i) => a + i.weight, 0)).toBeCloseTo(1, 10);
    }
  });

  it('a dimension is the weighted mean of its indicators and the composite the weighted sum of the dimensions (worked by hand)', () => {
    const { score: s } = score(all({}), table);
    // economic: 0.35*0.5 + 0.35*0.7 + 0.3*0.67 = 0.175 + 0.245 + 0.201 = 0.621
    expect(s.economic).toBe(0.621);
    // social: 0.3*0.75 + 0.35*0.5 + 0.35*1 = 0.225 + 0.175 + 0.35 = 0.75
    expect(s.social).toBe(0.75);
    // psychosocial: 0.4*0.5 + 0.3*0.75 + 0.3*0.75 = 0.2 + 0.225 + 0.225 = 0.65
    expect(s.psychosocial).toBe(0.65);
    // composite: 0.4*0.621 + 0.3*0.75 + 0.3*0.65 = 0.2484 + 0.225 + 0.195 = 0.6684
    expect(s.composite).toBe(0.6684);
    expect(s).toMatchObject({ weightsVersion: '2026-1', answered: 9, asked: 9 });
  });

  it('a refused answer is left out and the other weights of its dimension renormalised', () => {
    const { score: s, answers } = score(all({ 'econ.debt-burden': 'refused' }), table);
    // (0.35*0.5 + 0.35*0.7) / 0.7 = 0.6
    expect(s.economic).toBe(0.6);
    expect(s.answered).toBe(8);
    expect(answers.find((a) => a.indicator === 'econ.debt-burden')).toEqual({ indicator: 'econ.debt-burden', answer: 'refused', normalised: null });
  });

  it('a dimension with no answer is not scored, and neither is the composite', () => {
    const { score: s } = score(all({ 'psy.distress': 'refused', 'psy.belonging': 'unknown', 'psy.discrimination': 'refused' }), table);
    expect(s.psychosocial).toBeNull();
    expect(s.composite).toBeNull();
    expect(s.economic).toBe(0.621);
  });

  it('an unknown indicator or an answer off its scale is named', () => {
    expect(answerProblems({ 'econ.luck': 'good', 'social.network': 'maybe' }, table)).toEqual([
      expect.stringContaining('econ.luck is not an indicator of weight table 2026-1'),
      expect.stringContaining('social.network: "maybe" is not on its scale (no, yes, refused, unknown)'),
    ]);
  });
});
