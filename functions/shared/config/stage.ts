import { z } from 'zod';

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
});
export type CountyDetails = z.infer<typeof CountyDetails>;

export const MailerKind = z.enum(['outbox', 'ses']);

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
  })
  .superRefine((config, ctx) => {
    if (config.stage === 'local') return;
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
