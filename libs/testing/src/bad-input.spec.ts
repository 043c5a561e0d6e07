import { badRequestsFor, exampleOf } from './bad-input';
import type { JsonSchema } from './openapi-operations';

const schema: JsonSchema = {
  type: 'object',
  required: ['reason', 'party'],
  properties: {
    reason: { type: 'string', minLength: 3, maxLength: 10, example: 'because' },
    party: { type: 'string', enum: ['worker', 'employer'] },
    workerId: { type: 'string' },
    amountMinor: { type: 'integer', minimum: 1, maximum: 100 },
    address: { type: 'object', required: ['province'], properties: { province: { type: 'string' } } },
  },
};

describe('invalid requests made from a declared body schema', () => {
  it('start from a body the schema accepts, with ids bound by property name', () => {
    expect(exampleOf(schema, (p) => (p === 'workerId' ? 'W-1' : undefined))).toEqual({ reason: 'because', party: 'worker', workerId: 'W-1', address: { province: 'aaaa' } });
  });

  it('are the same for the same seed, and another seed draws others', () => {
    const a = badRequestsFor(schema, { seed: 7, count: 25 });
    expect(badRequestsFor(schema, { seed: 7, count: 25 })).toEqual(a);
    expect(a).toHaveLength(25);
    expect(badRequestsFor(schema, { seed: 8, count: 25 })).not.toEqual(a);
  });

  it('cover the structural cases and break one property at a time', () => {
    const labels = Array.from({ length: 20 }, (_, seed) => badRequestsFor(schema, { seed, count: 40 }).map((r) => r.label)).flat().join('\n');
    for (const expected of [
      'array where an object is declared', '__proto__ key', 'constructor key', '2000-deep nested object', 'form-urlencoded body', 'text/plain body', 'no Content-Type',
      'required reason missing', 'value outside the enum at party', 'over maxLength 10 at reason', 'under minLength 3 at reason', 'under minimum 1 at amountMinor',
      'over maximum 100 at amountMinor', 'not an integer at amountMinor', 'not a uuid at workerId', 'NUL at reason', 'C0 control at', 'lone surrogate at',
      'array instead of object at address', 'unknown property in address', 'required address.province missing',
    ]) {
      expect(labels).toContain(expected);
    }
    const proto = badRequestsFor(schema, { seed: 1, count: 10 }).find((r) => r.label === '__proto__ key')!;
    expect(proto.body.startsWith('{"__proto__":{"polluted":true},"reason"')).toBe(true);
    expect(Object.keys(JSON.parse(proto.body))).toContain('__proto__');
  });
});
