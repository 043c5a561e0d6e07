/**
 * A receiving agency's name list of arrivals, pasted or uploaded as CSV (or tab-separated, as a
 * spreadsheet copies it): one row per worker, found by journey id or document number. Rows that
 * cannot be sent as they are (no identifier, a date that is not YYYY-MM-DD…) are answered here,
 * with the reason, and the others go to the service, which answers each of them.
 */
export interface ArrivalListRow {
  journeyId?: string;
  documentNumber?: string;
  arrivedOn: string;
  employerName: string;
}

export type RowProblem = 'missingIdentifier' | 'badIdentifier' | 'badDate' | 'missingEmployer';

export interface ParsedArrivalRow {
  /** The line of the text the row came from (1-based), as the officer sees it in their file. */
  line: number;
  identifier: string;
  row?: ArrivalListRow;
  problem?: RowProblem;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DOCUMENT = /^[A-Z0-9]{5,20}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** CSV as RFC 4180 writes it: quoted fields may hold the delimiter, doubled quotes and line breaks. */
export function parseCsv(text: string, delimiter = ','): { line: number; cells: string[] }[] {
  const rows: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const endRow = () => {
    cells.push(cell);
    if (cells.some((c) => c.trim() !== '')) rows.push({ line: rowLine, cells: cells.map((c) => c.trim()) });
    cells = [];
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"' && cell.trim() === '') {
      cell = '';
      quoted = true;
    } else if (ch === delimiter) {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else cell += ch;
  }
  endRow();
  return rows;
}

const HEADER_NAMES: Record<string, keyof ArrivalListRow | 'identifier'> = {
  journeyid: 'journeyId',
  documentnumber: 'documentNumber',
  document: 'documentNumber',
  passport: 'documentNumber',
  identifier: 'identifier',
  id: 'identifier',
  arrivedon: 'arrivedOn',
  arrived: 'arrivedOn',
  employername: 'employerName',
  employer: 'employerName',
};

const normalise = (header: string) => header.toLowerCase().replace(/[^a-z]/g, '');

/**
 * The rows of a name list. A first line of column names (journeyId or documentNumber, arrivedOn,
 * employerName, in any order) is used when present; without it the columns are: journey id or
 * document number, arrival date, employer.
 */
export function parseArrivalList(text: string): ParsedArrivalRow[] {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const rows = parseCsv(text, firstLine.includes('\t') ? '\t' : ',');
  let columns: (keyof ArrivalListRow | 'identifier' | undefined)[] = ['identifier', 'arrivedOn', 'employerName'];
  if (rows.length && rows[0].cells.some((c) => !/\d/.test(c) && normalise(c) in HEADER_NAMES)) {
    columns = rows[0].cells.map((c) => HEADER_NAMES[normalise(c)]);
    rows.shift();
  }
  return rows.map(({ line, cells }) => {
    const value = (name: keyof ArrivalListRow | 'identifier') => {
      const at = columns.indexOf(name);
      return at >= 0 ? (cells[at] ?? '').trim() : '';
    };
    const identifier = value('identifier') || value('journeyId') || value('documentNumber');
    const arrivedOn = value('arrivedOn');
    const employerName = value('employerName');
    if (!identifier) return { line, identifier, problem: 'missingIdentifier' };
    const document = identifier.toUpperCase().replace(/\s+/g, '');
    const byJourney = UUID.test(identifier);
    if (!byJourney && !DOCUMENT.test(document)) return { line, identifier, problem: 'badIdentifier' };
    if (!DATE.test(arrivedOn) || Number.isNaN(Date.parse(`${arrivedOn}T00:00:00Z`))) return { line, identifier, problem: 'badDate' };
    if (employerName.length < 2) return { line, identifier, problem: 'missingEmployer' };
    return { line, identifier, row: { ...(byJourney ? { journeyId: identifier.toLowerCase() } : { documentNumber: document }), arrivedOn, employerName } };
  });
}
