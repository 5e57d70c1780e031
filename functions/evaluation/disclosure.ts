/**
 * Disclosure control for everything the county publishes from the evaluation (the report, the public
 * page, the chatbot's summary). Pure: it knows counts, never where they come from.
 *
 * The rule (README and docs/evaluation-report.md say the same):
 * 1. **Primary suppression.** A cell that 1 to `threshold − 1` institutions stand behind is not published;
 *    it reads "fewer than {threshold}". A cell of 0 stays: "nobody" identifies no one.
 * 2. **Secondary suppression.** A group is a set of cells whose sum a reader could know (a row of a table,
 *    a column, a list with its total). While a group has exactly one suppressed cell, the reader could
 *    compute it from the others and the total, so the smallest other non-zero cell of that group is
 *    suppressed too ("withheld"), or, when there is none, the group's total. This repeats until no group
 *    has exactly one suppressed cell (a cell can be in several groups: a row and a column).
 * Suppressed cells carry no number at all in the output, not even hidden.
 */

/** Why a cell is not published: too few institutions, or to protect another small cell. */
export type SuppressionReason = 'small' | 'secondary';

export interface CountCell {
  id: string;
  count: number;
  /**
   * The number of distinct institutions behind the count; figures that count offerings count more
   * than institutions. Defaults to `count` (figures that count responses).
   */
  institutions?: number;
}

export interface DisclosureGroup {
  cells: readonly string[];
  /** The id of the cell holding the group's total, when it is published. */
  total?: string;
}

export type Disclosed = { count: number } | { suppressed: SuppressionReason };

/** Whether a count of institutions is too small to publish. */
export function isSmall(institutions: number, threshold: number): boolean {
  return institutions > 0 && institutions < threshold;
}

/**
 * Applies primary and secondary suppression to a set of cells and the groups they form; returns each
 * cell's published form by id.
 */
export function disclose(
  cells: readonly CountCell[],
  groups: readonly DisclosureGroup[],
  threshold: number,
): Map<string, Disclosed> {
  const byId = new Map(cells.map((cell) => [cell.id, cell]));
  const suppressed = new Map<string, SuppressionReason>();
  for (const cell of cells) {
    if (isSmall(cell.institutions ?? cell.count, threshold)) suppressed.set(cell.id, 'small');
  }
  let changed = true;
  while (changed) {
    changed = false;
    for (const group of groups) {
      const members = group.cells.filter((id) => byId.has(id));
      if (members.filter((id) => suppressed.has(id)).length !== 1) continue;
      const candidate = members
        .filter((id) => !suppressed.has(id) && (byId.get(id)?.count ?? 0) > 0)
        .sort((a, b) => (byId.get(a)?.count ?? 0) - (byId.get(b)?.count ?? 0) || a.localeCompare(b))[0];
      const protect = candidate ?? (group.total && !suppressed.has(group.total) ? group.total : undefined);
      if (protect) {
        suppressed.set(protect, 'secondary');
        changed = true;
      }
    }
  }
  return new Map(
    cells.map((cell): [string, Disclosed] => {
      const reason = suppressed.get(cell.id);
      return [cell.id, reason ? { suppressed: reason } : { count: cell.count }];
    }),
  );
}

/** How many cells were suppressed, by reason (the report's method section says so). */
export function suppressionCounts(disclosed: Iterable<Disclosed>): Record<SuppressionReason, number> {
  const counts: Record<SuppressionReason, number> = { small: 0, secondary: 0 };
  for (const cell of disclosed) if ('suppressed' in cell) counts[cell.suppressed] += 1;
  return counts;
}

/**
 * Whether a quote may be published: only with the institution's consent to quote it, and never with
 * its name or id (the caller publishes the text and its language only).
 */
export type QuoteConsent<Q> = (quote: Q) => boolean;
