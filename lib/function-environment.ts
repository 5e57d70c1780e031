import type { StageConfig } from '../functions/shared/config/stage';

export interface CloudResources {
  tableName: string;
  /** The Cognito hosted UI, `https://<prefix>.auth.<region>.amazoncognito.com`. */
  cognitoDomain: string;
  cognitoClientId: string;
  /** The secret whose value CloudFront sends in the origin header (functions/shared/http/origin-check.ts). */
  originSecretArn: string;
}

/**
 * The environment every cloud function reads (functions/shared/config/env.ts). It never holds a
 * local-only switch (dev sign-in, outbox mailer, DynamoDB endpoint): those exist only in local/.
 */
export function cloudFunctionEnvironment(
  config: StageConfig,
  resources: CloudResources,
): Record<string, string> {
  return {
    WEGWEISER_STAGE: config.stage,
    WEGWEISER_TABLE_NAME: resources.tableName,
    WEGWEISER_MAILER: 'ses',
    WEGWEISER_MAIL_FROM: config.mailFrom,
    WEGWEISER_PUBLIC_BASE_URL: config.publicBaseUrl,
    WEGWEISER_BOT_AUTH: 'true',
    WEGWEISER_COUNTY: JSON.stringify(config.county),
    WEGWEISER_COGNITO_DOMAIN: resources.cognitoDomain,
    WEGWEISER_COGNITO_CLIENT_ID: resources.cognitoClientId,
    WEGWEISER_ORIGIN_SECRET_ARN: resources.originSecretArn,
  };
}
