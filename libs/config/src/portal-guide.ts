import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './repo-root';

/** What the public portal says about a corridor besides its policy values (infra/config/portal-guide.json). */
export interface PortalGuide {
  /** Codes of the costs a worker may be asked to pay (everything else is the employer's). */
  workerMayPayFor: string[];
  /** Codes of the standard contract's core terms. */
  contractTerms: string[];
  /** Codes of the documents the worker needs. */
  documents: string[];
  contacts: { name: string; phone: string; hours: string }[];
}

export const DEFAULT_PORTAL_GUIDE_FILE = path.join(repoRoot(), 'infra/config/portal-guide.json');

const CODE = /^[a-z0-9-]{1,60}$/;

/** Reads the guide file: "default" plus one entry per corridor ("KH>TH") overriding it field by field. */
export function loadPortalGuide(file = DEFAULT_PORTAL_GUIDE_FILE): (origin: string, destination: string) => PortalGuide {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Partial<PortalGuide> | string>;
  const base = parsed.default;
  return (origin, destination) => {
    const name = `${origin}>${destination}`;
    const entry = parsed[name];
    const guide = { ...(typeof base === 'object' ? base : {}), ...(typeof entry === 'object' ? entry : {}) } as PortalGuide;
    for (const field of ['workerMayPayFor', 'contractTerms', 'documents'] as const) {
      if (!Array.isArray(guide[field]) || !guide[field].every((c) => typeof c === 'string' && CODE.test(c))) throw new Error(`portal guide ${name}: ${field} must be a list of codes (a-z, 0-9, -)`);
    }
    if (!Array.isArray(guide.contacts) || !guide.contacts.every((c) => c && typeof c.name === 'string' && typeof c.phone === 'string' && typeof c.hours === 'string')) {
      throw new Error(`portal guide ${name}: contacts must be a list of { name, phone, hours }`);
    }
    return guide;
  };
}
