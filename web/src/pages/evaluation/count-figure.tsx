import type { ComponentChildren } from 'preact';
import { useI18n } from '../../i18n';
import { DataTable } from '../staff/data-table';
import { Chart, type ChartData } from './chart';
import { barSummary, type CountRow, type Label } from './figure-data';

/** A label that is a proper name keeps its language (municipalities are German in every page). */
export function LabelText(props: { label: Label }) {
  return props.label.lang ? <span lang={props.label.lang}>{props.label.label}</span> : props.label.label;
}

/**
 * A count that opens the responses behind it. The link names what it counts for screen readers that
 * list links out of their table; a zero has nothing behind it and stays plain text.
 */
export function CountLink(props: { count: number; href: string | undefined; about: string }) {
  const { t } = useI18n();
  if (props.count === 0 || !props.href) return <>{props.count}</>;
  return (
    <a href={props.href} class="eval-count">
      {props.count}
      <span class="visually-hidden"> – {t('evaluationPage.showResponses', { about: props.about })}</span>
    </a>
  );
}

/**
 * One figure of the dashboard: its caption, the chart and, right below, its numbers as a table in
 * which every count drills down to the responses behind it.
 */
export function CountFigure(props: {
  id: string;
  title: string;
  labelColumn: string;
  rows: readonly CountRow[];
  href: (row: CountRow) => string | undefined;
  /** Extra content under the table (e.g. a note on what is counted). */
  children?: ComponentChildren;
}) {
  const { t } = useI18n();
  const chart: ChartData = { kind: 'bars', rows: props.rows.filter((row) => row.count > 0) };
  return (
    <figure class="eval-figure" aria-labelledby={`${props.id}-title`}>
      <figcaption id={`${props.id}-title`}>{props.title}</figcaption>
      {chart.rows.length > 0 && <Chart data={chart} summary={barSummary(t, props.rows)} />}
      <DataTable
        rows={props.rows}
        empty={t('evaluationPage.noData')}
        captionId={`${props.id}-table`}
        caption={t('evaluationPage.tableOf', { title: props.title })}
        columns={[props.labelColumn, t('evaluationPage.colCount')]}
        testId={`${props.id}-table`}
        row={(row) => (
          <tr key={row.key} data-key={row.key}>
            <th scope="row">
              <LabelText label={row} />
            </th>
            <td class="eval-number">
              <CountLink count={row.count} href={props.href(row)} about={row.label} />
            </td>
          </tr>
        )}
      />
      {props.children}
    </figure>
  );
}
