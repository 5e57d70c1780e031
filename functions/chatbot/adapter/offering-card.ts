import type { OfferingCard } from '../conversation/converse';

/**
 * An offering as an Adaptive Card whose every text is a `TextRun` inside a `RichTextBlock`.
 *
 * Titles and descriptions are written by institutions, so they must reach every channel as plain text.
 * A hero card cannot do that: Web Chat renders its title, subtitle and text as markdown (an Adaptive
 * Card `TextBlock` each), while Teams shows title and subtitle verbatim and formats the text, so one
 * escaping would show stray backslashes in one channel or formatting in the other. A `TextRun` is
 * plain text by the card schema in every host (Web Chat sets it as `innerText`; Teams applies no
 * markdown to it), so nothing needs escaping and nothing can format. The link is a button labelled
 * with the address's host, so no text chosen by a user can hide where it leads.
 */
export const adaptiveCardContentType = 'application/vnd.microsoft.card.adaptive';

export interface AdaptiveCardAttachment {
  contentType: typeof adaptiveCardContentType;
  content: Record<string, unknown>;
}

function plainRun(text: string, emphasis?: { weight: 'Bolder'; size: 'Medium' }) {
  return { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text, ...emphasis }] };
}

/** What the link button says: the host it leads to (the title itself could pretend to be anything). */
export function linkLabel(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}

export function offeringCardAttachment(card: OfferingCard): AdaptiveCardAttachment {
  return {
    contentType: adaptiveCardContentType,
    content: {
      type: 'AdaptiveCard',
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      // RichTextBlock exists since 1.2; Teams renders up to 1.5, Web Chat's bundled renderer 1.2+.
      version: '1.2',
      lang: card.textLanguage,
      body: [
        plainRun(card.title, { weight: 'Bolder', size: 'Medium' }),
        ...card.lines.filter((line) => line.trim() !== '').map((line) => plainRun(line)),
      ],
      ...(card.url
        ? { actions: [{ type: 'Action.OpenUrl', title: linkLabel(card.url), url: card.url }] }
        : {}),
    },
  };
}
