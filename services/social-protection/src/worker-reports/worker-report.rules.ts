import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Who files a worker's own report: the node's public portal, not an officer (the queue shows "reported by the worker"). */
export const WORKER_REPORT_FILER = 'public-portal';

// Crockford's base32: no I, L, O or U, so a reference read over the phone is not misheard.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const base32 = (bytes: Buffer, length: number) => Array.from(bytes.subarray(0, length), (b) => ALPHABET[b & 31]).join('');

/** A reference like KH-7K3MQ9TD: the filing node, then 40 random bits. */
export function newReference(country: string): string {
  return `${country}-${base32(randomBytes(8), 8)}`;
}

/** A secret like H4KX-9PQM-2RTV-7WCE: 80 random bits, in groups of four. */
export function newSecret(): string {
  return base32(randomBytes(16), 16).replace(/(.{4})(?!$)/g, '$1-');
}

/** The secret as typed: case, spaces and dashes do not matter. */
const normalised = (secret: string) => secret.toUpperCase().replace(/[\s-]/g, '');

export function secretHash(secret: string): string {
  return createHash('sha256').update(normalised(secret)).digest('hex');
}

export function secretMatches(secret: string, hash: string): boolean {
  const given = Buffer.from(secretHash(secret), 'hex');
  const held = Buffer.from(hash, 'hex');
  return given.length === held.length && timingSafeEqual(given, held);
}

/** What the description holds for officers: what happened, where, and how to reach the worker. */
export function reportText(report: { whatHappened: string; where: string; contact?: string }): string {
  return [report.whatHappened, `Where: ${report.where}`, `Contact: ${report.contact ?? 'none given'}`, 'Reported by the worker on the public portal; not yet linked to a journey.'].join('\n');
}
