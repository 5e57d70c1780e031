import type { ComponentChildren } from 'preact';
import { ScrollRegion } from './scroll-region';

/**
 * A console list: a notice when it is empty, otherwise a captioned table with one column heading per
 * column, in its own scroll region. `row` renders one `<tr>`, its first cell the row's `<th scope="row">`.
 */
export function DataTable<Row>(props: {
  rows: readonly Row[];
  empty: string;
  captionId: string;
  caption: string;
  columns: readonly string[];
  testId?: string;
  row: (row: Row) => ComponentChildren;
}) {
  if (props.rows.length === 0) return <p class="notice">{props.empty}</p>;
  return (
    <ScrollRegion labelledBy={props.captionId}>
      <table class="data-table" data-testid={props.testId}>
        <caption id={props.captionId}>{props.caption}</caption>
        <thead>
          <tr>
            {props.columns.map((column) => (
              <th scope="col" key={column}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{props.rows.map(props.row)}</tbody>
      </table>
    </ScrollRegion>
  );
}
