import { corridorTopic, countryTopic, deadLetterTopic, stageOfTopic } from './topics';

describe('topic names', () => {
  it('name corridor topics by ordered pair, stage and version', () => {
    expect(corridorTopic('KH', 'TH', 'deployment')).toBe('corridor.kh-th.deployment.v1');
  });

  it('keep subdivision codes unambiguous next to the corridor hyphen', () => {
    expect(corridorTopic('CN-YN', 'LA', 'recruitment')).toBe('corridor.cn_yn-la.recruitment.v1');
  });

  it('give each country an internal topic per stage', () => {
    expect(countryTopic('KH', 'recruitment')).toBe('country.kh.recruitment.v1');
  });

  it('park dead letters beside their topic', () => {
    expect(deadLetterTopic('country.kh.recruitment.v1')).toBe('country.kh.recruitment.v1.dlq');
  });

  it('read the stage back from corridor and country topics only', () => {
    expect(stageOfTopic('corridor.kh-th.social-protection.v1')).toBe('social-protection');
    expect(stageOfTopic('country.kh.recruitment.v1')).toBe('recruitment');
    expect(stageOfTopic('country.kh.recruitment.v1.dlq')).toBeUndefined();
    expect(stageOfTopic('corridor.kh-th.holidays.v1')).toBeUndefined();
  });
});
