import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { RuntimeConfig } from '../config/env';
import { fixedOriginSecret, OriginGuard, type OriginSecretSource } from './origin-check';

/**
 * The secret's current value and, after a rotation, its previous one (Secrets Manager keeps it under
 * AWSPREVIOUS): CloudFront's edges pick up a new value over minutes, and both pass meanwhile.
 */
export function secretsManagerOriginSecret(secretArn: string, region: string): OriginSecretSource {
  const client = new SecretsManagerClient({ region });
  const stage = async (VersionStage: string) => {
    try {
      const { SecretString } = await client.send(
        new GetSecretValueCommand({ SecretId: secretArn, VersionStage }),
      );
      return SecretString ?? '';
    } catch (error) {
      // A secret that was never rotated has no previous version.
      if (VersionStage === 'AWSPREVIOUS' && (error as Error).name === 'ResourceNotFoundException') return '';
      throw error;
    }
  };
  return { values: async () => Promise.all([stage('AWSCURRENT'), stage('AWSPREVIOUS')]) };
}

/** The guard a function's configuration asks for; none where no origin secret is configured. */
export function originGuardFor(config: Pick<RuntimeConfig, 'origin' | 'region'>): OriginGuard | undefined {
  const origin = config.origin;
  if (!origin) return undefined;
  const source =
    origin.kind === 'fixed'
      ? fixedOriginSecret(origin.value)
      : secretsManagerOriginSecret(origin.secretArn, config.region);
  return new OriginGuard(source, { refreshAfterMs: 30_000 });
}
