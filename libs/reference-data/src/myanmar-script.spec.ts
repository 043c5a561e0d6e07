import { ZAWGYI_THRESHOLD, myanmarToUnicode, zawgyiProbability } from './myanmar-script';

describe('Myanmar text typed in Zawgyi', () => {
  it('is detected with a high probability, and Unicode Myanmar with a low one', () => {
    expect(zawgyiProbability('ေအာင္ေက်ာ္')).toBeGreaterThan(ZAWGYI_THRESHOLD);
    expect(zawgyiProbability('အောင်ကျော်')).toBeLessThan(0.05);
  });

  it('gives no probability for text without Myanmar characters', () => {
    expect(zawgyiProbability('Sok Dara 王小明')).toBe(Number.NEGATIVE_INFINITY);
  });

  it('is converted to its Unicode spelling; Unicode and other scripts are left as they are', () => {
    expect(myanmarToUnicode('ေအာင္ေက်ာ္')).toEqual({ text: 'အောင်ကျော်', converted: true });
    expect(myanmarToUnicode('ႏိုင္ငံ')).toEqual({ text: 'နိုင်ငံ', converted: true });
    expect(myanmarToUnicode('မောင်မောင်')).toEqual({ text: 'မောင်မောင်', converted: false });
    expect(myanmarToUnicode('Sok Dara')).toEqual({ text: 'Sok Dara', converted: false });
  });
});
