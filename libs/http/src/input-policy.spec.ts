import 'reflect-metadata';
import fc from 'fast-check';
import { Type, plainToInstance } from 'class-transformer';
import { IsOptional, IsString, ValidateNested } from 'class-validator';
import { INPUT_LIMITS, applyStringPolicy, firstInvalidUtf8, isAcceptedJsonMediaType, jsonDepth, normaliseString } from './input-policy';
import { arraysWhereObjectsBelong } from './validation';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('the input policy', () => {
  describe('media type', () => {
    it('accepts application/json, with charset utf-8 at most', () => {
      for (const ok of ['application/json', 'Application/JSON', 'application/json; charset=utf-8', 'application/json;charset="UTF-8"']) expect(isAcceptedJsonMediaType(ok)).toBe(true);
    });

    it('refuses forms, text, other charsets, +json types and a missing type', () => {
      for (const no of [undefined, '', 'application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x', 'application/json; charset=latin1', 'application/merge-patch+json', 'application/jsonx']) {
        expect(isAcceptedJsonMediaType(no)).toBe(false);
      }
    });
  });

  describe('depth, scanned on the raw bytes', () => {
    it('counts nesting of objects and arrays, not brackets inside strings', () => {
      expect(jsonDepth(bytes('{}'))).toBe(1);
      expect(jsonDepth(bytes('{"a":[{"b":1}],"c":{}}'))).toBe(3);
      expect(jsonDepth(bytes('{"a":"[[[[{{{{\\"[[["}'))).toBe(1);
    });

    it('survives 10,000 levels without recursion and stops at the limit', () => {
      const deep = '['.repeat(10_000) + ']'.repeat(10_000);
      expect(jsonDepth(bytes(deep), INPUT_LIMITS.maxDepth)).toBe(INPUT_LIMITS.maxDepth + 1);
      expect(jsonDepth(bytes(deep))).toBe(10_000);
    });

    it('agrees with the parsed value for any JSON', () => {
      const depthOf = (v: unknown): number => (v !== null && typeof v === 'object' ? 1 + Math.max(0, ...Object.values(v as object).map(depthOf)) : 0);
      fc.assert(
        fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
          expect(jsonDepth(bytes(JSON.stringify(value)))).toBe(depthOf(value));
        }),
      );
    });
  });

  describe('encoding', () => {
    it('finds the first byte that is not UTF-8', () => {
      expect(firstInvalidUtf8(bytes('{"name":"សុខ"}'))).toBe(-1);
      expect(firstInvalidUtf8(Uint8Array.from([0x7b, 0x22, 0xff, 0x22, 0x7d]))).toBe(2);
      expect(firstInvalidUtf8(Uint8Array.from([0x22, 0xed, 0xa0, 0x80, 0x22]))).toBeGreaterThanOrEqual(1); // CESU surrogate
    });
  });

  describe('strings', () => {
    it('refuses NUL, C0 and C1 controls and DEL; keeps tab and line feed; turns CR LF into LF and refuses a lone CR', () => {
      for (const bad of ['a\u0000b', '\u0007', 'x\u001B[31m', '\u007F', '\u0085', '\u009F', 'a\rb']) expect(normaliseString(bad).problem).toMatch(/NUL|control|carriage/);
      expect(normaliseString('line one\r\nline two\tend')).toEqual({ value: 'line one\nline two\tend' });
    });

    it('refuses unpaired surrogates, keeps pairs', () => {
      expect(normaliseString('\uD800').problem).toMatch(/surrogate/);
      expect(normaliseString('\uDC00\uD800').problem).toMatch(/surrogate/);
      expect(normaliseString('😀').problem).toBeUndefined();
    });

    it('normalises to NFC, so a Vietnamese name typed decomposed is as long as its composed form', () => {
      const nfd = 'Nguyễn Thị Ánh'.normalize('NFD');
      expect(normaliseString(nfd).value).toBe('Nguyễn Thị Ánh'.normalize('NFC'));
      expect(normaliseString(nfd).value.length).toBeLessThan(nfd.length);
    });

    it('refuses blank strings: spaces, zero-width and other invisible characters only', () => {
      for (const blank of ['   ', '\u200B', '\uFEFF\u200B ', '\u3000', '\u200C\u200D\u2060', '\t\n']) expect(normaliseString(blank).problem).toMatch(/blank/);
      expect(normaliseString('').problem).toBeUndefined();
      expect(normaliseString(' Sok\u200BDara ').problem).toBeUndefined();
    });

    it('converts Myanmar text typed in Zawgyi to Unicode and leaves Unicode Myanmar alone', () => {
      expect(normaliseString('ေအာင္ေက်ာ္').value).toBe('အောင်ကျော်');
      expect(normaliseString('အောင်ကျော်').value).toBe('အောင်ကျော်');
      expect(normaliseString('王小明').value).toBe('王小明');
    });

    it('never lets a control character, an unpaired surrogate or a non-NFC string through', () => {
      fc.assert(
        fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (raw) => {
          const { value, problem } = normaliseString(raw);
          // Refused, or let through clean.
          expect(problem !== undefined || (!/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\r]|\p{Cs}/u.test(value) && value === value.normalize('NFC'))).toBe(true);
        }),
      );
    });
  });

  describe('the walk over a parsed body', () => {
    it('names the path of each bad value', () => {
      const { errors } = applyStringPolicy({ fullName: 'ok', homeAddress: { province: 'P', district: 'Sang\u0000kae' }, skills: ['a', '\uD800'], phone: null });
      expect(errors.map((e) => e.field)).toEqual(['homeAddress.district', 'skills.1', 'phone']);
      expect(errors[2].messages[0]).toMatch(/must not be null/);
    });

    it('refuses __proto__, constructor and prototype keys as unknown properties instead of dropping them', () => {
      const parsed = JSON.parse('{"name":"x","__proto__":{"admin":true},"nested":{"constructor":{"prototype":{}}}}');
      const { value, errors } = applyStringPolicy(parsed);
      expect(errors).toEqual([
        { field: '__proto__', messages: ['property __proto__ should not exist'] },
        { field: 'nested.constructor', messages: ['property constructor should not exist'] },
      ]);
      expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    });

    it('normalises the strings it keeps', () => {
      expect(applyStringPolicy({ a: ['e\u0301'] }).value).toEqual({ a: ['é'] });
    });
  });

  describe('nested DTOs', () => {
    class Terms {
      @IsOptional()
      @IsString()
      note?: string;
    }
    class Draft {
      @IsOptional()
      @ValidateNested()
      @Type(() => Terms)
      terms?: Terms;

      @IsOptional()
      @ValidateNested({ each: true })
      @Type(() => Terms)
      clauses?: Terms[];
    }

    it('refuses an array where one object is declared, wherever it is', () => {
      expect(arraysWhereObjectsBelong(plainToInstance(Draft, { terms: [] })).map((e) => [e.property, Object.values(e.constraints ?? {})[0]])).toEqual([['terms', 'terms must be an object (Terms), not an array']]);
      expect(arraysWhereObjectsBelong(plainToInstance(Draft, { terms: { note: 'x' }, clauses: [{ note: 'y' }] }))).toEqual([]);
    });
  });
});
