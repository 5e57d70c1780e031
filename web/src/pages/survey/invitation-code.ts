/**
 * The invitation code from what a person typed or pasted: the code itself, or the whole link from the
 * invitation e-mail, today's (`https://…/survey?lang=de#<code>`: the fragment) or an older one
 * (`https://…/survey/<code>`: the last path segment).
 */
export function invitationCodeFrom(input: string): string {
  const trimmed = input.trim();
  const fromLink =
    /\/survey(?:\?[^#\s]*)?#([^/?#\s]+)/.exec(trimmed)?.[1] ?? /\/survey\/([^/?#\s]+)/.exec(trimmed)?.[1];
  return fromLink ?? trimmed;
}
