import { z } from 'zod';
import { languageCodes } from '../shared/i18n/languages';
import {
  costKinds,
  Offering,
  offeredLanguages,
  offeringCategories,
  placeIds,
  targetGroups,
} from '../survey/questionnaire';

export const offeringStatuses = ['pending', 'approved', 'rejected', 'withdrawn'] as const;

export const OfferingIdParams = z.strictObject({ offeringId: z.uuid() });

/** An offering as the public directory shows it; the text stays as written, marked with its language. */
export const PublicOffering = z.object({
  offeringId: z.uuid(),
  title: z.string(),
  description: z.string(),
  textLanguage: z.enum(languageCodes),
  category: z.enum(offeringCategories),
  targetGroups: z.array(z.enum(targetGroups)),
  languages: z.array(z.enum(offeredLanguages)),
  places: z.array(z.enum(placeIds)),
  address: z.string(),
  schedule: z.string(),
  cost: z.enum(costKinds),
  costNote: z.string(),
  registration: z.string(),
  officeContact: z.string(),
  url: z.string(),
  institutionName: z.string(),
  reportedAt: z.string(),
  lastConfirmedAt: z.string(),
});
export type PublicOffering = z.infer<typeof PublicOffering>;

export const OfferingsQuery = z.strictObject({
  q: z.string().trim().max(200).optional(),
  place: z.enum(placeIds).optional(),
  category: z.enum(offeringCategories).optional(),
  targetGroup: z.enum(targetGroups).optional(),
  language: z.enum(offeredLanguages).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
  lang: z.string().max(10).optional(),
});

export const OfferingsPage = z.object({ offerings: z.array(PublicOffering), total: z.number().int() });

export const ReviewOffering = PublicOffering.extend({
  status: z.enum(offeringStatuses),
  rejectionReason: z.string().optional(),
  version: z.number().int(),
});

export const ReviewQueueQuery = z.strictObject({
  status: z.enum(offeringStatuses).default('pending'),
  lang: z.string().max(10).optional(),
});

export const ReviewQueue = z.object({ offerings: z.array(ReviewOffering) });

export const ApproveRequest = z.strictObject({ version: z.number().int().min(1).max(1_000_000) });
export const RejectRequest = z.strictObject({
  version: z.number().int().min(1).max(1_000_000),
  reason: z.string().trim().min(1).max(500),
});
/** Staff may correct typos in the texts before approving; everything else stays as reported. */
/**
 * The texts of an offering that change after it was reported: staff correct them in review, and the
 * institution keeps them current through its link. Category, places and the rest stay as reported.
 */
export const correctableOfferingFields = [
  'title',
  'description',
  'schedule',
  'address',
  'registration',
  'officeContact',
  'url',
] as const;
export type CorrectableOfferingField = (typeof correctableOfferingFields)[number];

export const EditOfferingRequest = z.strictObject({
  version: z.number().int().min(1).max(1_000_000),
  title: z.string().trim().min(1).max(120),
  description: z.string().trim().min(1).max(2000),
  schedule: z.string().trim().max(300),
  address: z.string().trim().max(300),
  registration: z.string().trim().max(300),
  officeContact: z.string().trim().max(200),
  url: z.union([z.literal(''), z.url({ protocol: /^https?$/ }).max(500)]),
});

/** An institution's own view of its offerings, through its invitation link, at any time. */
export const OwnOffering = PublicOffering.extend({
  status: z.enum(offeringStatuses),
  rejectionReason: z.string().optional(),
});
export const OwnOfferings = z.object({ offerings: z.array(OwnOffering) });

/** Updating or withdrawing offerings after the survey: the full list as it should now be. */
export const UpdateOwnOfferingsRequest = z.strictObject({ offerings: z.array(Offering).max(30) });

export const OfferingsChange = z.object({ pending: z.number().int(), withdrawn: z.number().int() });

export const ReconfirmationRequest = z.strictObject({
  /** Offerings not confirmed for this many days are due. */
  olderThanDays: z.number().int().min(1).max(3650),
});
export const ReconfirmationResult = z.object({ institutions: z.number().int(), offerings: z.number().int() });
export const Confirmed = z.object({ confirmed: z.number().int() });

/** An offering in the open data: exactly what the public directory shows, places with their names. */
export const OpenDataOffering = PublicOffering.omit({ places: true }).extend({
  places: z.array(z.object({ id: z.enum(placeIds), name: z.string() })),
  /** The offering's page in the public directory. */
  pageUrl: z.url(),
});
export type OpenDataOffering = z.infer<typeof OpenDataOffering>;

export const OpenDataLicence = z.object({ id: z.string(), name: z.string(), url: z.url() });

/** The whole public directory as one open-data file, with who publishes it and under which licence. */
export const OpenDataDirectory = z.object({
  title: z.string(),
  publisher: z.string(),
  licence: OpenDataLicence,
  generatedAt: z.iso.datetime(),
  /** The public directory the data comes from. */
  source: z.url(),
  count: z.number().int(),
  offerings: z.array(OpenDataOffering),
});
export type OpenDataDirectory = z.infer<typeof OpenDataDirectory>;
