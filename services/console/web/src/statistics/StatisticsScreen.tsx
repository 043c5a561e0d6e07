import { useEffect, useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { api } from '../api';
import { ProblemMessage } from '../components';
import { Money, today } from '../format';

interface TableInfo {
  name: string;
  title: string;
  concept: string;
  unit: string;
}

interface StatTable extends TableInfo {
  from: string;
  to: string;
  referenceDate: string;
  minCell: number;
  columns: string[];
  rows: Record<string, string | number | null>[];
}

/** Measures that are shares (0..1), written as percentages. */
const SHARES = new Set(['shareAboveCap', 'meanCostShare', 'medianCostToMonthlyEarnings']);
const MEASURES_FROM = 'persons';

function startOfYear(): string {
  return `${new Date().getFullYear()}-01-01`;
}

const query = (from: string, to: string) => new URLSearchParams({ from, to }).toString();

/**
 * The persons of each group (the total over the sexes) as horizontal bars, an inline SVG; a
 * withheld cell has no bar and says so. The table below holds the same numbers.
 */
function PersonsChart({ table }: { table: StatTable }) {
  const intl = useIntl();
  const groups = table.columns.slice(0, table.columns.indexOf('sex'));
  const totals = table.rows.filter((r) => r.sex === 'total');
  if (!totals.length) return null;
  const max = Math.max(1, ...totals.map((r) => Number(r.persons ?? 0)));
  const rowHeight = 22;
  const labelWidth = 180;
  const width = 560;
  const height = totals.length * rowHeight + 8;
  return (
    <svg viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-labelledby="stats-chart-title" className="chart">
      <title id="stats-chart-title">{intl.formatMessage({ id: 'stats.chartTitle' }, { table: intl.formatMessage({ id: `stats.table.${table.name}` }) })}</title>
      {totals.map((row, i) => {
        const label = groups.map((g) => row[g] ?? '—').join(' · ') || intl.formatMessage({ id: 'stats.allGroups' });
        const persons = row.persons === null ? null : Number(row.persons);
        const y = 4 + i * rowHeight;
        return (
          <g key={label} data-group={label}>
            <text x={labelWidth - 6} y={y + 14} textAnchor="end" fontSize="12">
              {label}
            </text>
            {persons === null ? (
              <text x={labelWidth + 4} y={y + 14} fontSize="12">
                {intl.formatMessage({ id: 'stats.withheld' })}
              </text>
            ) : (
              <>
                <rect x={labelWidth} y={y + 3} height={rowHeight - 8} width={((width - labelWidth - 60) * persons) / max} fill="#0b4f6c" />
                <text x={labelWidth + ((width - labelWidth - 60) * persons) / max + 4} y={y + 14} fontSize="12">
                  {intl.formatNumber(persons)}
                </text>
              </>
            )}
          </g>
        );
      })}
    </svg>
  );
}

function Cell({ table, row, column }: { table: StatTable; row: StatTable['rows'][number]; column: string }) {
  const intl = useIntl();
  const value = row[column];
  if (value === null || value === undefined) return <>{column === 'suppressed' ? '' : intl.formatMessage({ id: 'stats.withheld' })}</>;
  if (column === 'sex') return <>{intl.formatMessage({ id: `stats.sex.${value}` })}</>;
  if (column === 'suppressed') return <>{intl.formatMessage({ id: value ? 'common.yes' : 'common.no' })}</>;
  const measure = table.columns.indexOf(column) >= table.columns.indexOf(MEASURES_FROM);
  if (!measure || typeof value !== 'number') return <>{String(value)}</>;
  if (column === 'medianFeeMinor' && typeof row.currency === 'string') return <Money amountMinor={value} currency={row.currency} />;
  if (SHARES.has(column)) return <>{intl.formatNumber(value, { style: 'percent', maximumFractionDigits: 1 })}</>;
  return <>{intl.formatNumber(value, { maximumFractionDigits: 2 })}</>;
}

/** The node's labour-migration statistics (docs/statistics.md): a table for a period, a chart of it, its CSV. */
export default function StatisticsScreen() {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  const [tables, setTables] = useState<TableInfo[]>([]);
  const [name, setName] = useState('');
  const [from, setFrom] = useState(startOfYear);
  const [to, setTo] = useState(today);
  const [shown, setShown] = useState<{ name: string; from: string; to: string } | null>(null);
  const [table, setTable] = useState<StatTable | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api.get<TableInfo[]>('statistics').then((list) => {
      setTables(list);
      setName((n) => n || list[0]?.name || '');
    }, setError);
  }, []);
  useEffect(() => {
    if (!shown) return;
    setTable(null);
    setError(null);
    api.get<StatTable>(`statistics/${shown.name}`, { from: shown.from, to: shown.to }).then(setTable, setError);
  }, [shown]);
  const show = (event: FormEvent) => {
    event.preventDefault();
    setShown({ name, from, to });
  };
  return (
    <>
      <h2>{t('nav.statistics')}</h2>
      <form onSubmit={show} className="form-grid">
        <label>
          {t('stats.table')}
          <select value={name} onChange={(e) => setName(e.target.value)} required>
            {tables.map((info) => (
              <option key={info.name} value={info.name}>
                {t(`stats.table.${info.name}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('stats.from')}
          <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} required />
        </label>
        <label>
          {t('stats.to')}
          <input type="date" value={to} onChange={(e) => setTo(e.target.value)} required />
        </label>
        <div>
          <button type="submit">{t('stats.show')}</button>
        </div>
      </form>
      <ProblemMessage error={error} />
      {table ? (
        <section aria-labelledby="stats-heading">
          <h3 id="stats-heading">{t(`stats.table.${table.name}`)}</h3>
          <p className="concept" lang="en">
            {table.concept}
          </p>
          <p>{intl.formatMessage({ id: 'stats.smallCells' }, { minCell: table.minCell })}</p>
          <p>
            <a className="button" href={`/bff/api/v1/statistics/${table.name}/csv?${query(table.from, table.to)}`} download={`${table.name}-${table.from}-${table.to}.csv`}>
              {t('stats.downloadCsv')}
            </a>
          </p>
          <PersonsChart table={table} />
          {table.rows.length === 0 ? <p>{t('list.empty')}</p> : null}
          <table className="stats">
            <caption>{t(`stats.table.${table.name}`)}</caption>
            <thead>
              <tr>
                {table.columns.map((c) => (
                  <th key={c} scope="col">
                    {t(`stats.column.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row, i) => (
                <tr key={i} data-sex={row.sex}>
                  {table.columns.map((c) => (
                    <td key={c}>
                      <Cell table={table} row={row} column={c} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </>
  );
}
