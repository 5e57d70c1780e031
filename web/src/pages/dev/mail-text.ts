/**
 * A plain-text mail cut into text and the web addresses in it, so the outbox can show the addresses as
 * links (as a mail program would) while everything else stays text. Only http(s) addresses become
 * links; punctuation that ends a sentence after an address is not part of it.
 */
export type MailTextPart = { kind: 'text'; text: string } | { kind: 'link'; href: string };

const address = /https?:\/\/[^\s<>"]+/g;

export function mailTextParts(text: string): MailTextPart[] {
  const parts: MailTextPart[] = [];
  let index = 0;
  for (const match of text.matchAll(address)) {
    // closing brackets and quotes of every script, sentence marks (Latin, Arabic and Farsi too)
    const trimmed = match[0].replace(/[\p{Pe}\p{Pf}\p{Pi}.,;:!?'"،؛؟]+$/u, '');
    const start = match.index ?? 0;
    if (!isWebAddress(trimmed)) continue;
    if (start > index) parts.push({ kind: 'text', text: text.slice(index, start) });
    parts.push({ kind: 'link', href: trimmed });
    index = start + trimmed.length;
  }
  if (index < text.length) parts.push({ kind: 'text', text: text.slice(index) });
  return parts;
}

function isWebAddress(candidate: string): boolean {
  try {
    const url = new URL(candidate);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
