import { z } from 'zod';

/**
 * Art. 15 (access) and Art. 17 (erasure) GDPR for every kind of person Wegweiser holds. Staff find a
 * person by the ids they already work with (no index of addresses, no scan): a contact person by the
 * survey and the invitation, an expert by the round and the interview, a workshop participant by the
 * workshop and their address (the registration's key holds the address's hash), a chat user by the
 * conversation id the person reads out from their chat.
 */
export const personKinds = ['contactPerson', 'expert', 'workshopParticipant', 'chatUser'] as const;
export const PersonKind = z.enum(personKinds);
export type PersonKind = z.infer<typeof PersonKind>;

const id = z.string().trim().min(1).max(200);

export const PersonKey = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('contactPerson'), surveyId: z.uuid(), invitationId: z.uuid() }),
  z.strictObject({ kind: z.literal('expert'), roundId: z.uuid(), interviewId: z.uuid() }),
  z.strictObject({
    kind: z.literal('workshopParticipant'),
    workshopId: z.uuid(),
    email: z.email().max(254),
  }),
  z.strictObject({ kind: z.literal('chatUser'), conversationId: id }),
]);
export type PersonKey = z.infer<typeof PersonKey>;

/** One stored item about the person, as it is stored (keys and TTL included, so nothing is hidden). */
export const HeldItem = z.object({
  /** The kind of item (`Invitation`, `ContactPerson`, `Interview`, `OutboxMessage`, …). */
  entity: z.string(),
  /** Why it is held, in German for the letter to the person (the data-protection officer's language). */
  purpose: z.string(),
  /** When the item ends by itself (ISO), if it does. */
  expiresAt: z.string().optional(),
  data: z.record(z.string(), z.unknown()),
});
export type HeldItem = z.infer<typeof HeldItem>;

/** Everything held about one person (Art. 15), as JSON staff hand over. */
export const PersonExport = z.object({
  person: PersonKey,
  exportedAt: z.string(),
  items: z.array(HeldItem),
});
export type PersonExport = z.infer<typeof PersonExport>;

/** What an erasure did (Art. 17); running it again removes nothing more and answers the same shape. */
export const PersonErasure = z.object({
  person: PersonKey,
  erasedAt: z.string(),
  /** Items deleted. */
  deleted: z.number().int(),
  /** Items kept without the person (their name, address and free text removed). */
  anonymised: z.number().int(),
  /** What stays, and why (German, for the letter to the person). */
  kept: z.array(z.string()),
});
export type PersonErasure = z.infer<typeof PersonErasure>;
