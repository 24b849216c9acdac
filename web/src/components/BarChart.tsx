import { useEffect, useRef } from 'react';

interface Props {
  label: string;
  labels: string[];
  values: number[];
  onPick(index: number): void;
  testId?: string;
}

/** A horizontal bar chart (Chart.js, loaded with the view that shows it); a click on a bar picks it. */
export function BarChart({ label, labels, values, onPick, testId }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const pick = useRef(onPick);
  pick.current = onPick;
  useEffect(() => {
    let chart: { destroy(): void } | null = null;
    let cancelled = false;
    void import('../lib/chart').then(({ Chart }) => {
      if (cancelled || !canvas.current) return;
      const instance: import('chart.js').Chart<'bar'> = new Chart(canvas.current, {
        type: 'bar',
        data: { labels, datasets: [{ label, data: values, backgroundColor: '#1f5fa8', hoverBackgroundColor: '#0b3d75' }] },
        options: {
          indexAxis: 'y',
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          plugins: { tooltip: { enabled: true } },
          scales: { x: { beginAtZero: true, ticks: { precision: 0, color: '#222' } }, y: { ticks: { color: '#222', autoSkip: false } } },
          onClick: (event) => {
            const hit = instance.getElementsAtEventForMode(event as unknown as Event, 'nearest', { intersect: true }, false)[0];
            if (hit) pick.current(hit.index);
          },
        },
      });
      chart = instance;
    });
    return () => {
      cancelled = true;
      chart?.destroy();
    };
  }, [label, labels, values]);
  return (
    <div className="chart" style={{ height: `${Math.max(140, labels.length * 28 + 40)}px` }}>
      <canvas ref={canvas} role="img" aria-label={label} data-testid={testId} />
    </div>
  );
}
