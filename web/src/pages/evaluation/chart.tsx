import { useEffect, useRef, useState } from 'preact/hooks';
import type { Language, TextDirection } from '../../../../functions/shared/i18n/languages';
import { useI18n } from '../../i18n';

type PlotModule = typeof import('./plot');

let plotModule: Promise<PlotModule> | undefined;

/**
 * Observable Plot is loaded on first use, so only the evaluation's pages download it; the rest of the
 * console stays as light as before. A failed load leaves the chart empty: the table below it still
 * carries every number.
 */
function loadPlot(): Promise<PlotModule> {
  plotModule ??= import('./plot').catch((error: unknown) => {
    plotModule = undefined;
    throw error;
  });
  return plotModule;
}

export interface BarDatum {
  key: string;
  label: string;
  count: number;
}

export interface DayDatum {
  date: string;
  cumulative: number;
}

export type ChartData =
  | { kind: 'bars'; rows: readonly BarDatum[] }
  | { kind: 'days'; rows: readonly DayDatum[] };

const ink = '#0b4f6c';
const barHeight = 26;

function shorten(label: string, characters: number): string {
  return label.length > characters ? `${label.slice(0, Math.max(1, characters - 1))}…` : label;
}

/**
 * Horizontal bars, each labelled with its option on the axis and its count at its end, so the chart
 * reads in black and white; one colour, no legend to decode. Right-to-left pages mirror the chart.
 */
function drawBars(Plot: PlotModule, rows: readonly BarDatum[], width: number, dir: TextDirection) {
  const rtl = dir === 'rtl';
  const labels = new Map(rows.map((row) => [row.key, row.label]));
  const longest = Math.max(...rows.map((row) => row.label.length));
  const labelSpace = Math.min(Math.round(width * 0.45), longest * 7 + 16);
  const characters = Math.max(4, Math.floor((labelSpace - 12) / 7));
  const max = Math.max(1, ...rows.map((row) => row.count));
  return Plot.plot({
    width,
    height: rows.length * barHeight + 24,
    marginTop: 12,
    marginBottom: 12,
    marginLeft: rtl ? 36 : labelSpace,
    marginRight: rtl ? labelSpace : 36,
    style: { direction: 'ltr', fontSize: '13px', background: 'transparent', color: 'currentColor' },
    x: { axis: null, domain: [0, max], reverse: rtl },
    y: {
      domain: rows.map((row) => row.key),
      axis: rtl ? 'right' : 'left',
      label: null,
      tickSize: 0,
      tickPadding: 6,
      tickFormat: (key: string) => shorten(labels.get(key) ?? key, characters),
    },
    marks: [
      Plot.barX(rows, { x: 'count', y: 'key', fill: ink, insetTop: 3, insetBottom: 3 }),
      Plot.text(rows, {
        x: 'count',
        y: 'key',
        text: (row: BarDatum) => String(row.count),
        textAnchor: rtl ? 'end' : 'start',
        dx: rtl ? -5 : 5,
        fill: 'currentColor',
        fontWeight: 700,
      }),
      Plot.ruleX([0], { stroke: 'currentColor' }),
    ],
  });
}

/** Submissions over time: the running total as a line with a marked, labelled point per day. */
function drawDays(
  Plot: PlotModule,
  rows: readonly DayDatum[],
  width: number,
  dir: TextDirection,
  language: Language,
) {
  const points = rows.map((row) => ({ ...row, day: new Date(`${row.date}T12:00:00Z`) }));
  const dayFormat = new Intl.DateTimeFormat(language, {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
    calendar: 'gregory',
    numberingSystem: 'latn',
  });
  return Plot.plot({
    width,
    height: 220,
    marginTop: 24,
    marginLeft: 40,
    marginRight: 40,
    style: { direction: 'ltr', fontSize: '13px', background: 'transparent', color: 'currentColor' },
    x: {
      type: 'utc',
      reverse: dir === 'rtl',
      label: null,
      ticks: 4,
      tickFormat: (day: Date) => dayFormat.format(day),
    },
    y: {
      grid: true,
      label: null,
      domain: [0, Math.max(1, ...rows.map((row) => row.cumulative))],
      nice: true,
    },
    marks: [
      Plot.lineY(points, { x: 'day', y: 'cumulative', stroke: ink, strokeWidth: 2, curve: 'step-after' }),
      Plot.dot(points, { x: 'day', y: 'cumulative', fill: ink, r: 4, symbol: 'square' }),
      Plot.text(points.length <= 12 ? points : points.slice(-1), {
        x: 'day',
        y: 'cumulative',
        text: (row: DayDatum) => String(row.cumulative),
        dy: -10,
        fill: 'currentColor',
        fontWeight: 700,
      }),
    ],
  });
}

/**
 * A chart drawn by Observable Plot into an image with a text alternative (`summary`); the drawing
 * itself is hidden from assistive technology, which reads the summary and the table beside it.
 */
export function Chart(props: { data: ChartData; summary: string }) {
  const { dir, language } = useI18n();
  const host = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  const drawn = JSON.stringify(props.data);

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    setWidth(Math.floor(element.clientWidth));
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.floor(entry.contentRect.width));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // `drawn` stands for the data: a new array with the same numbers draws nothing new.
  useEffect(() => {
    const element = host.current;
    const { data } = props;
    if (!element || width < 100 || data.rows.length === 0) return;
    let current = true;
    loadPlot().then(
      (Plot) => {
        if (!current) return;
        const chart =
          data.kind === 'bars'
            ? drawBars(Plot, data.rows, width, dir)
            : drawDays(Plot, data.rows, width, dir, language);
        chart.setAttribute('aria-hidden', 'true');
        chart.setAttribute('focusable', 'false');
        element.replaceChildren(chart);
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [drawn, width, dir, language]);

  return <div class="eval-chart" role="img" aria-label={props.summary} ref={host} />;
}
