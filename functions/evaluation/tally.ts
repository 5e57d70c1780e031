import { directionOf } from '../shared/i18n/languages';
import type { SubmittedRow } from './rows';
import type { Count, QuotedText } from './schemas';

/** How often each key occurs. */
export function tally(keys: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

/**
 * Counts in the order the dashboard shows them: the most frequent first, ties by key so the order never
 * depends on the order of the rows. Keys that never occur are left out.
 */
export function sortedCounts(counts: Map<string, number>): Count[] {
  return [...counts.entries()]
    .filter(([, count]) => count > 0)
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

/**
 * A free text as written, marked with the response's language and whether it may be quoted in public;
 * blank text is no answer. The row holds the latest submitted answers, so a consent withdrawn in a
 * correction is withdrawn here, and a response from before the question was asked is not consented.
 */
export function quote(row: SubmittedRow, text: string): QuotedText | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  return {
    invitationId: row.invitationId,
    institution: row.institution,
    text: trimmed,
    lang: row.language,
    dir: directionOf(row.language),
    quoteConsent: row.answers.privacy.quoteConsent === true,
  };
}
