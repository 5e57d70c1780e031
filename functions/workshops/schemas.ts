import { z } from 'zod';
import { Finding, FindingInput } from '../shared/domain/findings';
import { languageCodes } from '../shared/i18n/languages';

export const WorkshopIdParams = z.strictObject({ workshopId: z.uuid() });
/** A link's token: 144 random bits, base64url; only its hash is stored. */
const LinkToken = z.string().regex(/^[A-Za-z0-9_-]{22,64}$/);
export const WorkshopInvitationParams = z.strictObject({ workshopId: z.uuid(), token: LinkToken });
export const RegistrationTokenParams = z.strictObject({ token: LinkToken });

export const registrationStatuses = ['registered', 'waiting', 'cancelled'] as const;
export const RegistrationStatus = z.enum(registrationStatuses);
export type RegistrationStatus = z.infer<typeof RegistrationStatus>;

/** Times are sent with their offset (staff enter Berlin wall-clock time) and stored in UTC. */
export const CreateWorkshopRequest = z
  .strictObject({
    title: z.string().trim().min(1).max(200),
    startsAt: z.iso.datetime({ offset: true }),
    endsAt: z.iso.datetime({ offset: true }),
    place: z.string().trim().min(1).max(500),
    programme: z.string().trim().max(5000).default(''),
    capacity: z.number().int().min(1).max(1000),
    registrationClosesAt: z.iso.datetime({ offset: true }),
  })
  .refine((workshop) => Date.parse(workshop.endsAt) > Date.parse(workshop.startsAt), {
    path: ['endsAt'],
    params: { reason: 'workshop_ends_before_start' },
  })
  .refine((workshop) => Date.parse(workshop.registrationClosesAt) <= Date.parse(workshop.startsAt), {
    path: ['registrationClosesAt'],
    params: { reason: 'workshop_deadline_after_start' },
  });
export type CreateWorkshopRequest = z.infer<typeof CreateWorkshopRequest>;

/** A workshop as staff set it up. */
export const Workshop = z.object({
  workshopId: z.uuid(),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string(),
  programme: z.string(),
  capacity: z.number().int(),
  registrationClosesAt: z.string(),
});

/** To which survey's institutions the workshop was announced. */
export const WorkshopAnnouncement = z.object({
  surveyId: z.uuid(),
  announcedAt: z.string(),
  institutions: z.number().int(),
});

export const WorkshopResults = z.object({ findings: z.array(Finding), recordedAt: z.string() });

/** What everybody may see of a workshop: no names, only how many places are left. */
export const PublicWorkshop = Workshop.extend({
  placesLeft: z.number().int(),
  waiting: z.number().int(),
  registrationOpen: z.boolean(),
});
export type PublicWorkshop = z.infer<typeof PublicWorkshop>;

export const StaffWorkshop = PublicWorkshop.extend({
  registered: z.number().int(),
  createdAt: z.string(),
  announcement: WorkshopAnnouncement.optional(),
  results: WorkshopResults.optional(),
});
export type StaffWorkshop = z.infer<typeof StaffWorkshop>;

export const WorkshopList = z.object({ workshops: z.array(StaffWorkshop) });

export const AnnounceRequest = z.strictObject({ surveyId: z.uuid() });
export const AnnounceResult = z.object({
  /** Institutions e-mailed by this call. */
  mailed: z.number().int(),
  /** Institutions that had the announcement already: announcing again does not mail them twice. */
  alreadyAnnounced: z.number().int(),
});

/** The institution behind an e-mailed registration link, to fill in the form. */
export const WorkshopInvitationView = z.object({ institutionName: z.string() });

/**
 * A registration. Each field is needed: the name for the list of participants at the door, the e-mail
 * address for the confirmation, changes and the move up from the waiting list, the institution so the
 * workshop brings the right institutions together; the note (optional) for needs such as accessibility
 * or interpreting.
 */
export const RegisterRequest = z.strictObject({
  name: z.string().trim().min(1).max(120),
  email: z.email().max(254),
  institution: z.string().trim().min(1).max(200),
  note: z.string().trim().max(1000).default(''),
  language: z.enum(languageCodes).default('de'),
  /** The token from the e-mailed link, when the person came from the announcement. */
  invitationToken: LinkToken.optional(),
});
export type RegisterRequest = z.infer<typeof RegisterRequest>;

/**
 * The public answer to a registration, the same for every address (new, registered, waiting, cancelled):
 * whether it got a place, waits or was registered already, and the personal link, go to the address by
 * e-mail, so the answer cannot be used to find out who registered.
 */
export const RegistrationResult = z.object({ status: z.literal('check_your_mail') });
export type RegistrationResult = z.infer<typeof RegistrationResult>;

/** A registration as its person and staff see it. */
export const Registration = z.object({
  name: z.string(),
  email: z.string(),
  institution: z.string(),
  note: z.string(),
  status: RegistrationStatus,
  /** 1-based place on the waiting list, while waiting. */
  waitingPosition: z.number().int().optional(),
  registeredAt: z.string(),
});
export type Registration = z.infer<typeof Registration>;

/** A person's own registration, from the link in their confirmation e-mail. */
export const OwnRegistration = Registration.extend({ workshop: PublicWorkshop });
export type OwnRegistration = z.infer<typeof OwnRegistration>;

export const RegistrationEntry = Registration.extend({
  registrationId: z.string(),
  fromAnnouncement: z.boolean(),
});
export type RegistrationEntry = z.infer<typeof RegistrationEntry>;

/** Registered first, then the waiting list, each in order of registration; cancelled ones are left out. */
export const RegistrationList = z.object({ registrations: z.array(RegistrationEntry) });

export const RecordResultsRequest = z.strictObject({ findings: z.array(FindingInput).max(200) });
