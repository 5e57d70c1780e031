import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import type { CfnSecret } from 'aws-cdk-lib/aws-secretsmanager';
import { describe, expect, it } from 'vitest';
import { originHeaderName } from '../functions/shared/http/origin-check';
import { worstCaseStoreCallMs } from '../functions/shared/store/client';
import { deployedFunctionNames } from '../lib/cloud-routes';
import { integrationTimeout } from '../lib/constructs/feature-api';
import { originRotationHeaderName } from '../lib/constructs/origin-secret';
import { pointInTimeRecoveryDays } from '../lib/data-stack';
import { cloudStageNames, loadCloudStage } from '../lib/stage-config';
import { resourcesOf, synthWegweiser } from './support/wegweiser';

/** What cdk-nag does not check: timeouts, the origin secret, the recovery period, the region. */
const { data, service, dataTemplate, serviceTemplate } = synthWegweiser();
const lambdas = resourcesOf(serviceTemplate, 'AWS::Lambda::Function');
const integrations = resourcesOf(serviceTemplate, 'AWS::ApiGatewayV2::Integration');
const routes = Object.values(resourcesOf(serviceTemplate, 'AWS::ApiGatewayV2::Route'));
/** HTTP API's hard limit for an integration. */
const gatewayMaximumMs = 30_000;

const featureFunctionIds = new Map(
  deployedFunctionNames.map((name) => {
    const feature = service.api.functions.get(name);
    if (!feature) throw new Error(`function ${name} is not deployed`);
    return [name, service.getLogicalId(feature.function.node.defaultChild as CfnFunction)];
  }),
);

const timeoutSecondsOf = (logicalId: string) => Number(lambdas[logicalId]?.Properties.Timeout);

describe('timeouts', () => {
  it('sets every integration timeout explicitly, within HTTP API maximum', () => {
    expect(Object.keys(integrations).length).toBe(deployedFunctionNames.length);
    for (const integration of Object.values(integrations)) {
      expect(integration.Properties.TimeoutInMillis).toBe(integrationTimeout.toMilliseconds());
      expect(Number(integration.Properties.TimeoutInMillis)).toBeLessThanOrEqual(gatewayMaximumMs);
    }
  });

  it.each(routes.map((route) => [String(route.Properties.RouteKey), route] as const))(
    '%s: the function behind it times out before its integration does',
    (_key, route) => {
      const target = JSON.stringify(route.Properties.Target);
      const integrationId = Object.keys(integrations).find((id) => target.includes(`"${id}"`));
      const integration = integrationId ? integrations[integrationId] : undefined;
      expect(integration).toBeDefined();
      const uri = integration?.Properties.IntegrationUri as { 'Fn::GetAtt': [string, string] };
      const functionId = uri['Fn::GetAtt'][0];
      expect(timeoutSecondsOf(functionId) * 1000).toBeLessThan(
        Number(integration?.Properties.TimeoutInMillis),
      );
    },
  );

  it.each(deployedFunctionNames)(
    '%s outlasts the store client worst case for a call, with room for more',
    (name) => {
      const timeoutMs = timeoutSecondsOf(featureFunctionIds.get(name) ?? '') * 1000;
      expect(timeoutMs).toBeGreaterThan(0);
      // At least two worst-case store calls fit: a request's read and write can both be slow and still
      // end in the function's own 503 instead of a timeout.
      expect(2 * worstCaseStoreCallMs()).toBeLessThan(timeoutMs);
    },
  );
});

describe('only CloudFront reaches the API', () => {
  const secrets = resourcesOf(serviceTemplate, 'AWS::SecretsManager::Secret');
  const originSecretId = service.getLogicalId(service.origin.secret.node.defaultChild as CfnSecret);
  const [distribution] = Object.values(resourcesOf(serviceTemplate, 'AWS::CloudFront::Distribution'));
  if (!distribution) throw new Error('no distribution');
  const origins = (
    distribution.Properties.DistributionConfig as {
      Origins: {
        Id: string;
        DomainName: unknown;
        OriginCustomHeaders?: { HeaderName: string; HeaderValue: unknown }[];
      }[];
    }
  ).Origins;

  it('generates the origin secret in Secrets Manager, never as a value in the template', () => {
    expect(secrets[originSecretId]?.Properties.GenerateSecretString).toMatchObject({
      ExcludePunctuation: true,
      PasswordLength: 64,
    });
    expect(secrets[originSecretId]?.Properties.SecretString).toBeUndefined();
  });

  it('makes CloudFront send it to the API origin, as a dynamic reference resolved at deploy time', () => {
    const api = origins.find((origin) => JSON.stringify(origin.DomainName).includes('ApiHttpApi'));
    const headers = api?.OriginCustomHeaders ?? [];
    expect(headers.map((header) => header.HeaderName)).toEqual([originHeaderName]);
    const value = JSON.stringify(headers[0]?.HeaderValue);
    expect(value).toContain('{{resolve:secretsmanager:');
    expect(value).toContain(`"Ref":"${originSecretId}"`);
    // The site's bucket origin gets nothing: the secret goes to the API only.
    for (const origin of origins.filter((candidate) => candidate !== api)) {
      expect(origin.OriginCustomHeaders).toBeUndefined();
    }
  });

  it.each(deployedFunctionNames)(
    '%s is told the secret and may read it, so it refuses requests without it',
    (name) => {
      const lambda = lambdas[featureFunctionIds.get(name) ?? ''];
      if (!lambda) throw new Error(`no function ${name}`);
      const variables = (lambda.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
      expect(variables.WEGWEISER_ORIGIN_SECRET_ARN).toEqual({ Ref: originSecretId });
      expect(variables.WEGWEISER_ORIGIN_SECRET).toBeUndefined();
      const roleId = (lambda.Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
      const statements = Object.values(resourcesOf(serviceTemplate, 'AWS::IAM::Policy'))
        .filter((policy) => JSON.stringify(policy.Properties.Roles).includes(`"${roleId}"`))
        .flatMap(
          (policy) =>
            (policy.Properties.PolicyDocument as { Statement: Record<string, unknown>[] }).Statement,
        );
      expect(
        statements.some(
          (statement) =>
            [statement.Action].flat().includes('secretsmanager:GetSecretValue') &&
            [statement.Resource]
              .flat()
              .some((resource) => JSON.stringify(resource) === JSON.stringify({ Ref: originSecretId })),
        ),
      ).toBe(true);
    },
  );

  it('changes the distribution with a rotation label, so CloudFormation reads the rotated value', () => {
    const rotated = synthWegweiser({ originSecretRotation: '2026-12-08' });
    const [rotatedDistribution] = Object.values(
      resourcesOf(rotated.serviceTemplate, 'AWS::CloudFront::Distribution'),
    );
    expect(JSON.stringify(rotatedDistribution?.Properties)).toContain(
      `{"HeaderName":"${originRotationHeaderName}","HeaderValue":"2026-12-08"}`,
    );
  });
});

describe('backups and region', () => {
  const [table] = Object.values(resourcesOf(dataTemplate, 'AWS::DynamoDB::GlobalTable'));
  const replicas = (table?.Properties.Replicas ?? []) as Record<string, unknown>[];

  it('keeps point-in-time recovery for a deliberately chosen period, not the 35-day default', () => {
    expect(pointInTimeRecoveryDays).toBe(14);
    expect(replicas[0]?.PointInTimeRecoverySpecification).toEqual({
      PointInTimeRecoveryEnabled: true,
      RecoveryPeriodInDays: pointInTimeRecoveryDays,
    });
  });

  it('keeps the table and everything else in eu-central-1, in every cloud stage', () => {
    expect(data.region).toBe('eu-central-1');
    expect(service.region).toBe('eu-central-1');
    expect(replicas.map((replica) => replica.Region)).toEqual(['eu-central-1']);
    for (const stage of cloudStageNames) expect(loadCloudStage(stage).config.region).toBe('eu-central-1');
  });
});
