import type { ComponentChildren } from 'preact';
import german from '../../../../content/messages/de.json';
import type { EvaluationReport, ReportCell, ReportTable } from '../../../../functions/evaluation/schemas';
import { createTranslator, I18nContext } from '../../i18n';
import { ScrollRegion } from '../staff/scroll-region';
import { Chart } from './chart';

/** The report is German by design: its words, and its charts' direction, are German's on any page. */
const de = createTranslator('de', german);

function cellText(cell: ReportCell | undefined, threshold: number): string {
  if (!cell) return '';
  if ('count' in cell) return String(cell.count);
  if ('text' in cell) return cell.text;
  return cell.suppressed === 'small'
    ? de.t('evaluationReport.report.fewerThan', { threshold })
    : de.t('evaluationReport.report.withheld');
}

/** Bars for the published counts only; a suppressed cell has no number to draw. */
function TableChart(props: { table: ReportTable }) {
  const rows = props.table.rows.flatMap((row) => {
    const cell = row.cells[0];
    return cell && 'count' in cell ? [{ key: row.key, label: row.label, count: cell.count }] : [];
  });
  if (rows.length < 2) return null;
  return (
    <div class="report-chart">
      <Chart
        data={{ kind: 'bars', rows }}
        summary={rows.map((row) => `${row.label}: ${row.count}`).join(', ')}
      />
    </div>
  );
}

function Table(props: { table: ReportTable; threshold: number; charts: boolean }) {
  const { table } = props;
  const captionId = `report-${table.id}`;
  return (
    <figure class="report-figure" aria-labelledby={captionId}>
      {props.charts && table.chart && <TableChart table={table} />}
      <ScrollRegion labelledBy={captionId}>
        <table class="data-table report-table" aria-labelledby={captionId} data-testid={captionId}>
          <caption id={captionId}>{table.caption}</caption>
          <thead>
            <tr>
              {table.columns.map((column, index) => (
                <th key={column} scope="col" class={index > 0 ? 'eval-number' : undefined}>
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr key={row.key} data-key={row.key}>
                <th scope="row">{row.label}</th>
                {row.cells.map((cell, index) => (
                  <td
                    key={index}
                    class={'suppressed' in cell ? 'eval-number report-suppressed' : 'eval-number'}
                  >
                    {cellText(cell, props.threshold)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </figure>
  );
}

/**
 * The German report, exactly as published (the staff preview shows the same component): per section
 * its heading, staff's text, the generated sentences, the tables (with bars on screen) and the quotes.
 * `before` puts something under each heading (the staff's text areas).
 */
export function ReportBody(props: {
  report: EvaluationReport;
  headingLevel?: 2 | 3;
  charts?: boolean;
  before?: (sectionId: EvaluationReport['sections'][number]['id']) => ComponentChildren;
}) {
  const { report } = props;
  const Heading = props.headingLevel === 3 ? 'h3' : 'h2';
  return (
    <I18nContext.Provider value={de}>
      <div class="report-body" lang="de" dir="ltr" data-testid="report-body">
        {report.sections.map((section) => (
          <section key={section.id} class="report-section" aria-labelledby={`report-section-${section.id}`}>
            <Heading id={`report-section-${section.id}`}>{section.heading}</Heading>
            {props.before?.(section.id)}
            {section.staffText && (
              <p class="report-staff-text preserve-lines" data-testid={`report-text-${section.id}`}>
                {section.staffText}
              </p>
            )}
            {section.paragraphs.map((paragraph) => (
              <p key={paragraph}>{paragraph}</p>
            ))}
            {section.tables.map((table) => (
              <Table
                key={table.id}
                table={table}
                threshold={report.threshold}
                charts={props.charts ?? true}
              />
            ))}
            {section.quotes.length > 0 && (
              <ul class="eval-quotes">
                {section.quotes.map((quote, index) => (
                  <li key={index}>
                    <blockquote lang={quote.lang} dir={quote.dir}>
                      <p>{quote.text}</p>
                    </blockquote>
                    <p class="eval-quotes__source">
                      {de.t(
                        quote.source === 'interview'
                          ? 'evaluationReport.report.interviewSource'
                          : quote.source === 'workshop'
                            ? 'evaluationReport.report.workshopSource'
                            : 'evaluationReport.report.institutionSource',
                      )}
                      {quote.about ? ` – ${quote.about}` : ''}
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </section>
        ))}
      </div>
    </I18nContext.Provider>
  );
}
