/**
 * The bot's replies are plain text; channels render `markdown` (Web Chat, Teams, Telegram), and only
 * there do links become clickable. So the text is sent as markdown that shows exactly the plain text:
 * characters that would format are escaped, single line breaks are kept as hard breaks, and web
 * addresses become autolinks. Texts written by users (answers, offerings) can therefore never inject
 * formatting or links of their own.
 */
const webAddress = /https?:\/\/[^\s<>"]+[^\s<>".,;:!?)\]]/g;

function escapeText(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|~]/g, (character) => `\\${character}`)
    .replace(/^(\s*)([#+-]|\d+[.)])(?=\s|$)/gm, (_whole, indent: string, marker: string) =>
      marker.length === 1 ? `${indent}\\${marker}` : `${indent}${marker.slice(0, -1)}\\${marker.slice(-1)}`,
    );
}

export function plainAsMarkdown(text: string): string {
  let markdown = '';
  let last = 0;
  for (const match of text.matchAll(webAddress)) {
    markdown += `${escapeText(text.slice(last, match.index))}<${match[0]}>`;
    last = match.index + match[0].length;
  }
  markdown += escapeText(text.slice(last));
  // A single line break would join the lines in markdown; two spaces before it keep it.
  return markdown.replace(/([^\n])\n(?!\n)/g, '$1  \n');
}
