/**
 * Zawgyi, the font encoding many Myanmar phones still type in, reuses Myanmar code points with
 * other meanings: a name typed in Zawgyi never matches its Unicode spelling. We detect it with
 * Google's myanmar-tools model and convert it to Unicode with its transliteration rules.
 *
 * The npm release of myanmar-tools we depend on ships its sources and resources but not the
 * built `build_node/` its index.js requires, so `require('myanmar-tools')` throws. We use the
 * built package when it works and otherwise read the same model (zawgyiUnicodeModel.dat) and
 * rules (Z2U.js) from the package's resources, with the detector's and converter's algorithms
 * ported below (myanmar-tools, Copyright 2017 Google LLC, Apache License 2.0).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Above this probability a Myanmar-script string is taken for Zawgyi (the library suggests 0.95). */
export const ZAWGYI_THRESHOLD = 0.95;

const MYANMAR = /[\u1000-\u109F\uA9E0-\uA9FF\uAA60-\uAA7F]/u;

interface Engine {
  probability(text: string): number;
  toUnicode(text: string): string;
}

let engine: Engine | undefined;

/** The probability (0..1) that Myanmar-script text is Zawgyi; -Infinity when it has no Myanmar characters. */
export function zawgyiProbability(text: string): number {
  if (!MYANMAR.test(text)) return Number.NEGATIVE_INFINITY;
  return loadEngine().probability(text);
}

/** The text converted from Zawgyi to Unicode when it is Zawgyi (probability above the threshold), else unchanged. */
export function myanmarToUnicode(text: string): { text: string; converted: boolean } {
  if (zawgyiProbability(text) <= ZAWGYI_THRESHOLD) return { text, converted: false };
  return { text: loadEngine().toUnicode(text), converted: true };
}

function loadEngine(): Engine {
  engine ??= builtEngine() ?? portedEngine();
  return engine;
}

function builtEngine(): Engine | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const tools = require('myanmar-tools') as {
      ZawgyiDetector: new () => { getZawgyiProbability(text: string): number };
      ZawgyiConverter: new () => { zawgyiToUnicode(text: string): string };
    };
    const detector = new tools.ZawgyiDetector();
    const converter = new tools.ZawgyiConverter();
    return { probability: (t) => detector.getZawgyiProbability(t), toUnicode: (t) => converter.zawgyiToUnicode(t) };
  } catch {
    return undefined;
  }
}

function portedEngine(): Engine {
  const resources = join(dirname(require.resolve('myanmar-tools/package.json')), 'resources');
  const model = new MarkovModel(readFileSync(join(resources, 'zawgyiUnicodeModel.dat')));
  // Z2U.js is a plain script defining getAllRulesZ2U(): the rule tables, regular expressions and replacements only.
  const rules = new Function(`${readFileSync(join(resources, 'Z2U.js'), 'utf8')}\nreturn getAllRulesZ2U();`)() as Rule[][];
  return { probability: (t) => model.predict(t), toUnicode: (t) => rules.reduce((text, phase) => runPhase(phase, text), t) };
}

// ---- Detector: a Markov chain over Myanmar code points (port of zawgyi_detector.ts) ----

const STD = [0x1000, 0x103f] as const;
const AFT = [0x104a, 0x109f] as const;
const EXA = [0xaa60, 0xaa7f] as const;
const EXB = [0xa9e0, 0xa9ff] as const;
const SPC = [0x2000, 0x200b] as const;
const STD_OFFSET = 1;
const AFT_OFFSET = STD_OFFSET + STD[1] - STD[0] + 1;
const EXA_OFFSET = AFT_OFFSET + AFT[1] - AFT[0] + 1;
const EXB_OFFSET = EXA_OFFSET + EXA[1] - EXA[0] + 1;
const SPC_OFFSET = EXB_OFFSET + EXB[1] - EXB[0] + 1;

function stateOf(cp: number, withSpaces: boolean): number {
  if (cp >= STD[0] && cp <= STD[1]) return cp - STD[0] + STD_OFFSET;
  if (cp >= AFT[0] && cp <= AFT[1]) return cp - AFT[0] + AFT_OFFSET;
  if (cp >= EXA[0] && cp <= EXA[1]) return cp - EXA[0] + EXA_OFFSET;
  if (cp >= EXB[0] && cp <= EXB[1]) return cp - EXB[0] + EXB_OFFSET;
  if (withSpaces && cp >= SPC[0] && cp <= SPC[1]) return cp - SPC[0] + SPC_OFFSET;
  return 0;
}

class MarkovModel {
  private readonly withSpaces: boolean;
  private readonly differences: Float64Array[] = [];

  constructor(data: Buffer) {
    const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    let offset = 0;
    const expect = (value: number, what: string) => {
      if (view.getUint32(offset) !== value) throw new Error(`zawgyiUnicodeModel.dat: unexpected ${what}`);
      offset += 4;
    };
    expect(0x555a4d4f, 'model tag');
    expect(0x44454c20, 'model tag');
    const version = view.getUint32(offset);
    offset += 4;
    let ssv = 0;
    if (version === 2) {
      ssv = view.getUint32(offset);
      offset += 4;
    } else if (version !== 1) throw new Error(`zawgyiUnicodeModel.dat: model version ${version}`);
    this.withSpaces = ssv === 0;
    expect(0x424d4152, 'Markov tag');
    expect(0x4b4f5620, 'Markov tag');
    expect(0, 'Markov version');
    const size = view.getInt16(offset);
    offset += 2;
    for (let i1 = 0; i1 < size; i1++) {
      const row = new Float64Array(size);
      let entries = view.getInt16(offset);
      offset += 2;
      let fallback = 0;
      if (entries !== 0) {
        fallback = view.getFloat32(offset);
        offset += 4;
      }
      let next = -1;
      for (let i2 = 0; i2 < size; i2++) {
        if (entries > 0 && next < i2) {
          next = view.getInt16(offset);
          offset += 2;
          entries--;
        }
        if (next === i2) {
          row[i2] = view.getFloat32(offset);
          offset += 4;
        } else row[i2] = fallback;
      }
      this.differences.push(row);
    }
  }

  predict(input: string): number {
    let previous = 0;
    let total = 0;
    let seen = false;
    for (let i = 0; i <= input.length; i++) {
      const current = i === input.length ? 0 : stateOf(input.charCodeAt(i), this.withSpaces);
      if (previous !== 0 || current !== 0) {
        total += this.differences[previous][current];
        seen = true;
      }
      previous = current;
    }
    return seen ? 1 / (1 + Math.exp(total)) : Number.NEGATIVE_INFINITY;
  }
}

// ---- Converter: phases of anchored transliteration rules (port of zawgyi_converter.ts) ----

interface Rule {
  p: RegExp;
  s: string;
  matchOnStart?: unknown;
  revisit?: number;
}

function runPhase(rules: Rule[], input: string): string {
  let out = '';
  let rest = input;
  let atStart = true;
  while (rest.length > 0) {
    let matched = false;
    for (const rule of rules) {
      if (rule.matchOnStart != null && !atStart) continue;
      const m = rest.match(rule.p);
      if (!m) continue;
      matched = true;
      const rightSize = rest.length - m[0].length;
      rest = rest.replace(rule.p, rule.s);
      const newStart = rest.length - rightSize;
      if (rule.revisit == null) {
        out += rest.substring(0, newStart);
        rest = rest.substring(newStart);
      }
    }
    if (!matched) {
      out += rest[0];
      rest = rest.substring(1);
    }
    atStart = false;
  }
  return out;
}
