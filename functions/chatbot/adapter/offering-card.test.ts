import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { converse } from '../conversation/converse';
import { newConversationState } from '../conversation/state';
import { sampleOffering } from '../testing/sample-offering';
import { toActivity } from './bot-endpoint';

// Web Chat's own markdown settings (botframework-webchat/src/markdown/renderMarkdown.ts): HTML on,
// addresses linked. Web Chat runs every hero card field and every Adaptive Card TextBlock through it.
const webChatMarkdown = new MarkdownIt({
  breaks: false,
  html: true,
  linkify: true,
  typographer: true,
  xhtmlOut: true,
});
const asHtmlText = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

interface CardElement {
  type?: string;
  text?: string;
  inlines?: CardElement[];
  items?: CardElement[];
  columns?: CardElement[];
  facts?: { title: string; value: string }[];
}
interface Attachment {
  contentType: string;
  content: CardElement & {
    title?: string;
    subtitle?: string;
    body?: CardElement[];
    buttons?: { title: string }[];
  };
}

const richCards = ['application/vnd.microsoft.card.hero', 'application/vnd.microsoft.card.thumbnail'];

/** The fields a channel formats as markdown: hero/thumbnail title, subtitle, text; TextBlock; facts. */
function markdownFields(attachment: Attachment): string[] {
  const { content } = attachment;
  if (richCards.includes(attachment.contentType))
    return [content.title, content.subtitle, content.text].filter((text): text is string => Boolean(text));
  const walk = (element: CardElement): string[] => [
    ...(element.type === 'TextBlock' && element.text ? [element.text] : []),
    ...(element.facts ?? []).flatMap((fact) => [fact.title, fact.value]),
    ...[...(element.items ?? []), ...(element.columns ?? [])].flatMap(walk),
  ];
  return (content.body ?? []).flatMap(walk);
}

/** Each text field as the HTML Web Chat shows: markdown fields rendered, TextRuns as `innerText`. */
function webChatHtml(attachment: Attachment): string[] {
  const runs = (element: CardElement): string[] => [
    ...(element.type === 'RichTextBlock'
      ? (element.inlines ?? []).map((run) => `<span>${asHtmlText(run.text ?? '')}</span>`)
      : []),
    ...[...(element.items ?? []), ...(element.columns ?? [])].flatMap(runs),
  ];
  return [
    ...markdownFields(attachment).map((text) => webChatMarkdown.render(text)),
    ...(attachment.content.body ?? []).flatMap(runs),
  ];
}

const visible = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .trim();

const title = '[Klick](https://evil.example) ![x](https://evil.example/x.png) **fett**';
const description =
  'Treffpunkt <img src=x onerror=alert(1)> und [Anmeldung](https://evil.example/anmeldung) __mittwochs__';

const offering = sampleOffering({ title, description, url: 'https://evil.example/angebot' });

async function offeringActivity() {
  const { replies } = await converse(
    {
      findOfferings: async () => ({ offerings: [offering], total: 1 }),
      publicBaseUrl: 'https://wegweiser.example',
      integrationContact: 'integration@example.org',
    },
    { ...newConversationState(), greeted: true, language: 'de', languageChosen: true },
    { text: 'Deutschkurs in Ochsenfurt', value: undefined, locale: 'de-DE' },
  );
  const reply = replies.find((candidate) => candidate.cards?.length);
  if (!reply) throw new Error('no offering card');
  return toActivity(reply) as unknown as { attachments: Attachment[] };
}

describe('offering cards show what institutions wrote as plain text', () => {
  it('shows markdown and HTML in the title and description in Web Chat as the literal text', async () => {
    const { attachments } = await offeringActivity();
    expect(attachments).toHaveLength(1);
    const [attachment] = attachments as [Attachment];
    const html = webChatHtml(attachment);
    for (const field of html) {
      expect(field).not.toContain('<a');
      expect(field).not.toContain('<img');
      expect(field).not.toContain('<strong>');
    }
    const shown = html.map(visible);
    expect(shown[0]).toBe(title);
    expect(shown).toContain(description);
  });

  it('leaves no field that Teams would format, and labels the link with where it leads', async () => {
    const { attachments } = await offeringActivity();
    const [attachment] = attachments as [Attachment];
    // Teams shows hero titles verbatim but formats their text, and formats every TextBlock: plain
    // text everywhere means no such field at all.
    expect(richCards).not.toContain(attachment.contentType);
    expect(markdownFields(attachment)).toEqual([]);
    const actions = (attachment.content as { actions?: { type: string; title: string; url: string }[] })
      .actions;
    expect(actions).toEqual([{ type: 'Action.OpenUrl', title: 'evil.example', url: offering.url }]);
  });
});
