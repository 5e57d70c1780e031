import type { ComponentChildren } from 'preact';

/**
 * A wide table's own horizontal scroll area, so the page never scrolls sideways at 320 px (WCAG 1.4.10
 * exempts data tables, not the page around them). A region that scrolls must be reachable by keyboard,
 * hence its tab stop, and it is named by the table's caption.
 */
export function ScrollRegion(props: { labelledBy: string; children: ComponentChildren }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: keyboard users scroll the table with the arrow keys once it has focus
    <section class="table-scroll" aria-labelledby={props.labelledBy} tabIndex={0}>
      {props.children}
    </section>
  );
}
