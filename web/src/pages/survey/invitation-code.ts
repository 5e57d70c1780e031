/**
 * The invitation code from what a person typed or pasted: the code itself, or the whole link from the
 * invitation e-mail (`https://…/survey/<code>`), of which only the last path segment counts.
 */
export function invitationCodeFrom(input: string): string {
  const trimmed = input.trim();
  const fromLink = /\/survey\/([^/?#\s]+)/.exec(trimmed)?.[1];
  return fromLink ?? trimmed;
}
