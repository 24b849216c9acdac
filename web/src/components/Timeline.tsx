import { navigate } from '../lib/router';

export interface TimelineItem {
  key: string;
  title: string;
  row: string;
  start: string | null;
  end: string | null;
  href: string;
}

const DAY = 86_400_000;
const LABEL_WIDTH = 170;
const ROW_HEIGHT = 26;

/**
 * Collaborations on a time axis, one row per kind (or topic). Drawn as SVG by hand: a few rectangles need no
 * chart library. Each bar is a link, so the timeline is usable with the keyboard too.
 */
export function Timeline({ items, label, openLabel }: { items: TimelineItem[]; label: string; openLabel: string }) {
  const today = Date.now();
  const dated = items.filter((i) => i.start);
  if (dated.length === 0) return null;
  const from = Math.min(...dated.map((i) => Date.parse(i.start!)));
  const to = Math.max(today + 180 * DAY, ...dated.map((i) => (i.end ? Date.parse(i.end) : today)));
  const rows = [...new Set(dated.map((i) => i.row))].sort();
  const width = 1000;
  const x = (t: number) => LABEL_WIDTH + ((t - from) / (to - from)) * (width - LABEL_WIDTH - 10);
  const height = rows.length * ROW_HEIGHT + 30;
  const firstYear = new Date(from).getUTCFullYear();
  const lastYear = new Date(to).getUTCFullYear();
  const step = Math.max(1, Math.ceil((lastYear - firstYear + 1) / 12));
  const years = [];
  for (let y = firstYear + 1; y <= lastYear; y += step) years.push(y);
  return (
    <div className="timeline">
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="group" aria-label={label}>
        {years.map((year) => {
          const px = x(Date.UTC(year, 0, 1));
          return (
            <g key={year} aria-hidden="true">
              <line x1={px} x2={px} y1={0} y2={height - 20} stroke="#d5dae0" />
              <text x={px + 2} y={height - 6}>
                {year}
              </text>
            </g>
          );
        })}
        <line x1={x(today)} x2={x(today)} y1={0} y2={height - 20} stroke="#e8a400" strokeWidth={2} aria-hidden="true" />
        {rows.map((row, r) => (
          <text key={row} x={4} y={r * ROW_HEIGHT + 17} aria-hidden="true">
            {row.length > 26 ? `${row.slice(0, 25)}…` : row}
          </text>
        ))}
        {dated.map((item) => {
          const r = rows.indexOf(item.row);
          const x1 = x(Date.parse(item.start!));
          const x2 = Math.max(x1 + 4, x(item.end ? Date.parse(item.end) : today));
          const period = `${item.start} – ${item.end ?? openLabel}`;
          return (
            <a
              key={item.key}
              href={item.href}
              aria-label={`${item.title} (${item.row}, ${period})`}
              onClick={(event) => {
                event.preventDefault();
                navigate(item.href);
              }}
            >
              <title>{`${item.title} (${period})`}</title>
              <rect x={x1} y={r * ROW_HEIGHT + 5} width={x2 - x1} height={ROW_HEIGHT - 10} rx={3} fill={item.end ? '#1f5fa8' : '#4f8a3a'} opacity={0.75} />
            </a>
          );
        })}
      </svg>
    </div>
  );
}
