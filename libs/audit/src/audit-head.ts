import type { ClientBase, Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { canonicalJson } from './audit-hash';

/** What a node vouches for to its corridor partner: the head of one service's audit chain at one moment. */
export interface AuditHead {
  /** The node whose audit log it is, e.g. "KH". */
  country: string;
  /** The service, e.g. "recruitment". */
  service: string;
  seq: number;
  hash: string;
  /** ISO 8601 with ms, when the head was signed. */
  signedAt: string;
}

/** The bytes an audit head's Ed25519 signature covers: its canonical JSON (keys sorted, no spaces). */
export function auditHeadMessage(head: AuditHead): Buffer {
  return Buffer.from(canonicalJson({ country: head.country, hash: head.hash, seq: head.seq, service: head.service, signed_at: head.signedAt }), 'utf8');
}

/** One head a partner holds, as stored in partner_audit_head. */
export interface HeldAuditHead {
  seq: number;
  hash: string;
  signedAt: string;
  signatureValid: boolean;
}

export type PartnerHeadProblemKind = 'head-mismatch' | 'head-missing' | 'head-unsigned';

export interface PartnerHeadProblem {
  seq: number;
  problem: PartnerHeadProblemKind;
  detail: string;
}

export interface PartnerHeadReport {
  /** Heads checked (those with a valid signature). */
  checked: number;
  problems: PartnerHeadProblem[];
}

type Source = DataSource | ClientBase | Pool;

async function select<T>(source: Source, sql: string, params: unknown[]): Promise<T[]> {
  if ('createQueryRunner' in source) return (await source.query(sql, params)) as T[];
  return (await source.query(sql, params)).rows as T[];
}

/** The heads of one partner service this node holds, oldest first. */
export async function heldAuditHeads(source: Source, country: string, service: string): Promise<HeldAuditHead[]> {
  const rows = await select<{ seq: string; hash: string; signed_at: Date; signature_valid: boolean }>(
    source,
    'SELECT seq, hash, signed_at, signature_valid FROM partner_audit_head WHERE country = $1 AND service = $2 ORDER BY seq',
    [country, service],
  );
  return rows.map((r) => ({ seq: Number(r.seq), hash: r.hash, signedAt: r.signed_at.toISOString(), signatureValid: r.signature_valid }));
}

/**
 * Checks an audit log against the signed heads its corridor partner holds: the row at each head's
 * seq must still carry that hash. A history rewritten and re-hashed consistently passes
 * verifyAuditChain but not this, since the partner's copy of the head is out of the rewriter's reach.
 */
export async function checkPartnerHeads(chain: Source, heads: readonly HeldAuditHead[]): Promise<PartnerHeadReport> {
  const problems: PartnerHeadProblem[] = [];
  const valid = heads.filter((h) => h.signatureValid);
  for (const head of heads.filter((h) => !h.signatureValid)) {
    problems.push({ seq: head.seq, problem: 'head-unsigned', detail: `the head held for seq ${head.seq} has no valid signature of its node: not evidence either way` });
  }
  const rows = await select<{ seq: string; hash: string }>(chain, 'SELECT seq, hash FROM audit_log WHERE seq = ANY($1::bigint[])', [valid.map((h) => h.seq)]);
  const stored = new Map(rows.map((r) => [Number(r.seq), r.hash]));
  for (const head of valid) {
    const hash = stored.get(head.seq);
    if (hash === undefined) {
      problems.push({ seq: head.seq, problem: 'head-missing', detail: `the partner holds a head signed ${head.signedAt} at seq ${head.seq}; the chain has no such row: history cut or rewritten` });
    } else if (hash !== head.hash) {
      problems.push({ seq: head.seq, problem: 'head-mismatch', detail: `the partner holds hash ${head.hash.slice(0, 16)}… signed ${head.signedAt}; the chain now has ${hash.slice(0, 16)}…: history rewritten` });
    }
  }
  return { checked: valid.length, problems };
}
