import { parseArrivalList, parseCsv } from '../web/src/arrivals/arrival-list';

describe('a name list of arrivals, pasted or uploaded', () => {
  it('reads quoted fields with commas, doubled quotes and CRLF line ends', () => {
    expect(parseCsv('a,"Siam Frozen Foods Co., Ltd.",c\r\n"say ""hi""",x,\n\n')).toEqual([
      { line: 1, cells: ['a', 'Siam Frozen Foods Co., Ltd.', 'c'] },
      { line: 2, cells: ['say "hi"', 'x', ''] },
    ]);
  });

  it('uses the column names of a header line in any order; a journey id or a document number identifies the worker', () => {
    const rows = parseArrivalList('employerName,arrivedOn,documentNumber\n"Siam Frozen Foods Co., Ltd.",2026-12-01,na 0000001\nSiam Frozen Foods,2026-12-02,0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b\n');
    expect(rows).toEqual([
      { line: 2, identifier: 'na 0000001', row: { documentNumber: 'NA0000001', arrivedOn: '2026-12-01', employerName: 'Siam Frozen Foods Co., Ltd.' } },
      { line: 3, identifier: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', row: { journeyId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', arrivedOn: '2026-12-02', employerName: 'Siam Frozen Foods' } },
    ]);
  });

  it('without a header: identifier, date, employer; tab-separated as a spreadsheet copies it', () => {
    expect(parseArrivalList('NB0000002\t2026-12-03\tSiam Frozen Foods Co., Ltd.')).toEqual([
      { line: 1, identifier: 'NB0000002', row: { documentNumber: 'NB0000002', arrivedOn: '2026-12-03', employerName: 'Siam Frozen Foods Co., Ltd.' } },
    ]);
  });

  it('answers a row it cannot send with the reason, and keeps the others', () => {
    const rows = parseArrivalList(['documentNumber,arrivedOn,employerName', ',2026-12-01,Siam', 'N-1,2026-12-01,Siam', 'NA0000003,03/12/2026,Siam', 'NA0000004,2026-12-01,', 'NA0000005,2026-12-01,Siam'].join('\n'));
    expect(rows.map((r) => [r.line, r.problem ?? 'ok'])).toEqual([
      [2, 'missingIdentifier'],
      [3, 'badIdentifier'],
      [4, 'badDate'],
      [5, 'missingEmployer'],
      [6, 'ok'],
    ]);
  });
});
