import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { SEXES, type SexName } from '@corridor/events';
import { RETURN_TYPES, type ReturnTypeName } from './return.rules';

/** At most this many rows in one list: a checkpoint's day in 2020, in one request. */
export const MAX_MASS_RETURN_ROWS = 5000;
/** Bytes a list may take (CSV or JSON): 5,000 rows of about 120 bytes, with room to spare. */
export const MAX_MASS_RETURN_BYTES = 2 * 1024 * 1024;
export const DOCUMENT_TYPES = ['passport', 'national-id'] as const;
/** The columns of a CSV list (the header row names them, in any order); the JSON rows have the same keys. */
export const MASS_RETURN_COLUMNS = ['documentType', 'documentNumber', 'nationality', 'sex', 'birthYear', 'returnedFrom', 'returnType'] as const;

export type RawRow = Record<string, unknown>;

/** A row that passed the checks: what is kept of it (no document number, only its index). */
export interface AcceptedRow {
  documentType: (typeof DOCUMENT_TYPES)[number];
  documentNumber: string;
  nationality: string;
  sex: SexName;
  birthYear: number | null;
  returnedFrom: string;
  returnType: ReturnTypeName;
}

export type CheckedRow = { rowNumber: number; row: AcceptedRow } | { rowNumber: number; refused: string };

/** The rows of a CSV list, each as its header names them; a row the parser cannot read is refused by number. */
export function rowsOfCsv(text: string): RawRow[] {
  return parse(text, { columns: true, skip_empty_lines: true, trim: true, relax_column_count: true, bom: true }) as RawRow[];
}

/**
 * The checks of one row, refusals worded for the caseworker: what is wrong and what is allowed.
 * Nationals only: the node takes home its own citizens.
 */
export function checkRow(raw: RawRow, rowNumber: number, node: { country: string }, today: { year: number }): CheckedRow {
  const text = (key: string) => (typeof raw[key] === 'string' ? (raw[key] as string).trim() : raw[key] === undefined || raw[key] === null ? '' : String(raw[key]));
  const unknown = Object.keys(raw).filter((key) => !(MASS_RETURN_COLUMNS as readonly string[]).includes(key));
  if (unknown.length) return { rowNumber, refused: `unknown column(s) ${unknown.join(', ')}; allowed: ${MASS_RETURN_COLUMNS.join(', ')}` };
  const documentType = text('documentType');
  if (!(DOCUMENT_TYPES as readonly string[]).includes(documentType)) return { rowNumber, refused: `documentType "${documentType}" is not one of ${DOCUMENT_TYPES.join(', ')}` };
  const documentNumber = text('documentNumber').toUpperCase();
  if (!/^[A-Z0-9]{5,20}$/.test(documentNumber)) return { rowNumber, refused: 'documentNumber must be 5 to 20 letters A-Z or digits' };
  const nationality = text('nationality') || node.country;
  if (nationality !== node.country) return { rowNumber, refused: `nationality ${nationality} is not ${node.country}: this node takes home its own nationals` };
  const sex = text('sex').toLowerCase();
  if (!(SEXES as readonly string[]).includes(sex)) return { rowNumber, refused: `sex "${sex}" is not one of ${SEXES.join(', ')}` };
  const birthYearText = text('birthYear');
  const birthYear = birthYearText ? Number(birthYearText) : null;
  if (birthYear !== null && !(Number.isInteger(birthYear) && birthYear >= 1900 && birthYear <= today.year)) return { rowNumber, refused: `birthYear "${birthYearText}" must be a year from 1900 to ${today.year}` };
  const returnedFrom = text('returnedFrom').toUpperCase();
  if (!/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/.test(returnedFrom) || returnedFrom === node.country) return { rowNumber, refused: `returnedFrom "${returnedFrom}" must be the code of another country than ${node.country}, like TH` };
  const returnType = text('returnType') || 'mass-return';
  if (!(RETURN_TYPES as readonly string[]).includes(returnType)) return { rowNumber, refused: `returnType "${returnType}" is not one of ${RETURN_TYPES.join(', ')}` };
  return {
    rowNumber,
    row: { documentType: documentType as AcceptedRow['documentType'], documentNumber, nationality, sex: sex as SexName, birthYear, returnedFrom, returnType: returnType as ReturnTypeName },
  };
}

/**
 * The list's fingerprint: checkpoint, date and rows as parsed, so the same list sent twice (as CSV
 * or as JSON) is recognised and creates nothing the second time.
 */
export function listHash(checkpoint: string, returnDate: string, rows: RawRow[]): string {
  const hash = createHash('sha256').update(`${checkpoint}\n${returnDate}\n`);
  for (const row of rows) hash.update(JSON.stringify(MASS_RETURN_COLUMNS.map((c) => (row[c] === undefined ? '' : String(row[c]).trim()))) + '\n');
  return hash.digest('hex');
}

/** The same person's return on the same day is one return, whichever list carries it. */
export function rowKey(documentIndex: string, returnDate: string): string {
  return `${documentIndex}|${returnDate}`;
}
