import { z } from 'zod';
import {
  type CountyCalendar,
  defaultClosingDays,
  defaultHolidayRegion,
  holidayRegions,
} from '../domain/county-calendar';
import { RetentionSettings } from '../domain/retention';

/**
 * The stage model. `local` is one machine (embedded DynamoDB, dev sign-in, dev outbox, no bot
 * authentication); `dev` and `prod` are AWS stages. Whatever only makes sense locally is refused here,
 * so a cloud synth fails and a cloud function refuses to start with it.
 */
export const stageNames = ['local', 'dev', 'prod'] as const;
export const StageName = z.enum(stageNames);
export type StageName = z.infer<typeof StageName>;

export const PLACEHOLDER_MARK = '[Platzhalter';

const text = (max = 300) => z.string().min(1).max(max);

/** The licence of the open data (the public offerings directory as JSON and CSV), as a stage sets it. */
export const OpenDataLicenceSetting = z.strictObject({
  licenceId: text(100),
  licenceName: text(200),
  licenceUrl: z.url({ protocol: /^https?$/ }).max(500),
});
export type OpenDataLicenceSetting = z.infer<typeof OpenDataLicenceSetting>;

/** The county's own details for the legal pages and contact hand-overs: configuration, never invented. */
export const CountyDetails = z.strictObject({
  authority: text(),
  street: text(),
  postalCode: text(20),
  city: text(100),
  representedBy: text(),
  phone: text(50),
  email: text(200),
  web: text(300),
  vatId: text(50),
  supervisoryAuthority: text(),
  dataProtectionOfficer: text(),
  accessibilityContact: text(200),
  integrationContact: text(300),
  /**
   * Where the county publishes the evaluation of the online survey (PDF, 23 Sep 2019); the bot and the
   * concept page link to it. Optional: without it they name the document and the contact, no link.
   */
  surveyEvaluationDocumentUrl: z.url().max(500).optional(),
  /** The licence the county publishes its open data under; without it, `defaultOpenDataLicence`. */
  openData: OpenDataLicenceSetting.optional(),
  /**
   * Disclosure control of the published evaluation: counts of fewer institutions than this are not
   * published. Without it, `defaultDisclosureThreshold` (3).
   */
  disclosureThreshold: z.number().int().min(2).max(50).optional(),
  /**
   * The federal state whose public holidays close the offices (interview slots skip them); without it,
   * Bavaria.
   */
  holidayRegion: z.enum(holidayRegions).optional(),
  /**
   * Further days the offices are closed: `MM-DD` every year or one `YYYY-MM-DD`. Without it, Christmas
   * Eve and New Year's Eve.
   */
  closingDays: z
    .array(z.string().regex(/^(\d{4}-)?(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/))
    .max(100)
    .optional(),
  /** Retention periods the county decides itself (days); without them, the defaults of `retentionCategories`. */
  retention: RetentionSettings.optional(),
});
export type CountyDetails = z.infer<typeof CountyDetails>;

/**
 * Datenlizenz Deutschland – Namensnennung 2.0: the licence German public bodies use for open data
 * (GovData), so reusers only have to name the county as the source.
 */
export const defaultOpenDataLicence: OpenDataLicenceSetting = {
  licenceId: 'dl-de/by-2-0',
  licenceName: 'Datenlizenz Deutschland – Namensnennung 2.0',
  licenceUrl: 'https://www.govdata.de/dl-de/by-2-0',
};

/** Three institutions: the usual minimum cell size of official statistics for counts of units. */
export const defaultDisclosureThreshold = 3;

export function disclosureThresholdOf(county: CountyDetails): number {
  return county.disclosureThreshold ?? defaultDisclosureThreshold;
}

export function countyCalendarOf(county: CountyDetails): CountyCalendar {
  return {
    holidayRegion: county.holidayRegion ?? defaultHolidayRegion,
    closingDays: county.closingDays ?? defaultClosingDays,
  };
}

export function openDataLicenceOf(county: CountyDetails): OpenDataLicenceSetting {
  return county.openData ?? defaultOpenDataLicence;
}

export const MailerKind = z.enum(['outbox', 'ses']);

/** How the bot's Microsoft Entra app registration authenticates (botbuilder's `MicrosoftAppType`). */
export const BotAppType = z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']);

/** A complete Secrets Manager ARN (with its 6-character suffix), so a grant names exactly one secret. */
const secretArn = z
  .string()
  .max(2048)
  .regex(
    /^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:.+-[A-Za-z0-9]{6}$/,
    'a complete secret ARN',
  );

/**
 * The bot's Azure registration, cloud stages only: public identifiers here; its app password and the
 * Direct Line channel's secret are in Secrets Manager, in secrets the stack creates (with a random
 * placeholder an operator replaces) unless an existing secret's ARN is given here.
 */
export const BotRegistration = z.strictObject({
  /** The Microsoft App ID; empty until the bot is registered, and the chatbot refuses to start while it is. */
  appId: z.string().max(200),
  appType: BotAppType,
  /** The Entra tenant, required for `SingleTenant`. */
  tenantId: z.string().max(200),
  appPasswordSecretArn: secretArn.optional(),
  directLineSecretArn: secretArn.optional(),
});
export type BotRegistration = z.infer<typeof BotRegistration>;

export const StageConfig = z
  .strictObject({
    stage: StageName,
    region: z.string().regex(/^[a-z]{2}-[a-z]+-\d$/),
    devSignIn: z.boolean(),
    botAuthentication: z.boolean(),
    mailer: MailerKind,
    mailFrom: z.email(),
    logRetentionDays: z.number().int().positive(),
    county: CountyDetails,
    /** The public domain of the site, used in links sent by e-mail. */
    publicBaseUrl: z.url(),
    bot: BotRegistration.optional(),
  })
  .superRefine((config, ctx) => {
    if (config.stage === 'local') return;
    if (!config.bot) {
      ctx.addIssue({
        code: 'custom',
        path: ['bot'],
        message: `a cloud stage needs "bot" (app id, type, tenant)`,
      });
    } else if (config.bot.appType === 'SingleTenant' && config.bot.appId && !config.bot.tenantId) {
      ctx.addIssue({
        code: 'custom',
        path: ['bot', 'tenantId'],
        message: 'a SingleTenant bot needs its tenant id',
      });
    }
    const localOnly: [keyof typeof config, boolean][] = [
      ['devSignIn', config.devSignIn],
      ['botAuthentication', !config.botAuthentication],
      ['mailer', config.mailer === 'outbox'],
    ];
    for (const [key, offending] of localOnly) {
      if (offending) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `"${key}" is local-only and not allowed in the cloud stage "${config.stage}"`,
        });
      }
    }
  });
export type StageConfig = z.infer<typeof StageConfig>;

export function isCloudStage(stage: StageName): boolean {
  return stage !== 'local';
}

/** Lists the county fields still holding placeholders; a cloud function refuses to start while any remain. */
export function placeholdersIn(county: CountyDetails): string[] {
  return Object.entries(county)
    .filter(([, value]) => typeof value === 'string' && value.includes(PLACEHOLDER_MARK))
    .map(([key]) => key);
}
