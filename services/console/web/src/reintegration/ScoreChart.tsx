import { useIntl } from 'react-intl';
import { DateText, dateText } from '../format';

export interface Score {
  kind: string;
  heldOn: string;
  economic: number | null;
  social: number | null;
  psychosocial: number | null;
  composite: number | null;
}

const WIDTH = 520;
const HEIGHT = 200;
const PAD = { left: 40, right: 16, top: 12, bottom: 28 };
const LINES = [
  { key: 'composite', colour: '#0b4f6c', dash: undefined },
  { key: 'economic', colour: '#8a4b00', dash: '6 3' },
  { key: 'social', colour: '#2d6a2d', dash: '2 3' },
  { key: 'psychosocial', colour: '#6b2d6a', dash: '8 3 2 3' },
] as const;

/**
 * The sustainability score over time as a small inline SVG (no chart library: the download
 * budget): the composite and each dimension, 0 to 1, one point per assessment or follow-up. The
 * same numbers are in the table beside it, which is what a screen reader reads.
 */
export function ScoreChart({ scores }: { scores: Score[] }) {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  if (!scores.length) return null;
  // One step per score, oldest first (scores of one day stay apart); the day under each point.
  const x = (i: number) => (scores.length === 1 ? (PAD.left + WIDTH - PAD.right) / 2 : PAD.left + 12 + (i / (scores.length - 1)) * (WIDTH - PAD.left - PAD.right - 24));
  const labelled = scores.length <= 8 ? scores.map((_, i) => i) : [0, scores.length - 1];
  const y = (v: number) => HEIGHT - PAD.bottom - v * (HEIGHT - PAD.top - PAD.bottom);
  const number = (v: number | null) => (v === null ? '—' : intl.formatNumber(v, { maximumFractionDigits: 2 }));
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width={WIDTH} height={HEIGHT} role="img" aria-labelledby="score-chart-title">
        <title id="score-chart-title">{t('case.chartTitle')}</title>
        {[0, 0.5, 1].map((v) => (
          <g key={v}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(v)} y2={y(v)} stroke="#c8cfd2" />
            <text x={PAD.left - 6} y={y(v) + 4} textAnchor="end" fontSize="11">
              {number(v)}
            </text>
          </g>
        ))}
        {labelled.map((i) => (
          <text key={i} x={x(i)} y={HEIGHT - 8} textAnchor="middle" fontSize="11">
            {dateText(intl, scores[i].heldOn)}
          </text>
        ))}
        {LINES.map((line) => {
          const points = scores.map((s, i) => [x(i), s[line.key]] as const).filter((p): p is readonly [number, number] => p[1] !== null);
          return (
            <g key={line.key} data-line={line.key}>
              <polyline fill="none" stroke={line.colour} strokeWidth={line.key === 'composite' ? 3 : 1.5} strokeDasharray={line.dash} points={points.map(([px, v]) => `${px},${y(v)}`).join(' ')} />
              {points.map(([px, v], i) => (
                <circle key={i} cx={px} cy={y(v)} r={line.key === 'composite' ? 4 : 2.5} fill={line.colour}>
                  <title>{`${t(`case.dimension.${line.key}`)}: ${number(v)}`}</title>
                </circle>
              ))}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul className="legend">
          {LINES.map((line) => (
            <li key={line.key}>
              <svg width="24" height="8" aria-hidden="true">
                <line x1="0" x2="24" y1="4" y2="4" stroke={line.colour} strokeWidth="3" strokeDasharray={line.dash} />
              </svg>{' '}
              {t(`case.dimension.${line.key}`)}
            </li>
          ))}
        </ul>
        <table className="scores">
          <caption>{t('case.scores')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('case.heldOn')}</th>
              <th scope="col">{t('case.scoreKind')}</th>
              {LINES.map((line) => (
                <th key={line.key} scope="col">
                  {t(`case.dimension.${line.key}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {scores.map((s, i) => (
              <tr key={i}>
                <td>
                  <DateText value={s.heldOn} />
                </td>
                <td>{t(`case.scoreKind.${s.kind}`)}</td>
                {LINES.map((line) => (
                  <td key={line.key}>{number(s[line.key])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </figcaption>
    </figure>
  );
}
