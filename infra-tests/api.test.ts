import { Match } from 'aws-cdk-lib/assertions';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { describe, expect, it } from 'vitest';
import { routeEntries } from '../functions/routes';
import { functionNames, needsSignIn, routeKey } from '../functions/shared/http/route';
import { cloudRoutes, deployedFunctionNames } from '../lib/cloud-routes';
import { resourcesOf, synthWegweiser } from './support/wegweiser';

const { service, serviceTemplate } = synthWegweiser();
const routes = Object.values(resourcesOf(serviceTemplate, 'AWS::ApiGatewayV2::Route')).map(
  (resource) => resource.Properties,
);
const integrations = resourcesOf(serviceTemplate, 'AWS::ApiGatewayV2::Integration');
const authorizers = resourcesOf(serviceTemplate, 'AWS::ApiGatewayV2::Authorizer');
const [authorizerId] = Object.keys(authorizers);

/** The logical id of the Lambda function behind a route's integration. */
function functionBehind(route: Record<string, unknown>): unknown {
  const target = JSON.stringify(route.Target);
  const integrationId = Object.keys(integrations).find((id) => target.includes(`"${id}"`));
  const uri = integrationId ? integrations[integrationId]?.Properties.IntegrationUri : undefined;
  return (uri as { 'Fn::GetAtt'?: [string, string] } | undefined)?.['Fn::GetAtt']?.[0];
}

const logicalIdOf = (name: (typeof deployedFunctionNames)[number]) => {
  const feature = service.api.functions.get(name);
  if (!feature) throw new Error(`no function ${name}`);
  return service.getLogicalId(feature.function.node.defaultChild as CfnFunction);
};

describe('the HTTP API', () => {
  it('has one route per route-table entry that is not local-only, and no other', () => {
    expect(routes.map((route) => route.RouteKey).sort()).toEqual(
      cloudRoutes.map(([, route]) => routeKey(route)).sort(),
    );
  });

  it.each(cloudRoutes)('serves %s with the right function and authorization', (_id, route) => {
    const deployed = routes.find((candidate) => candidate.RouteKey === routeKey(route));
    expect(deployed).toBeDefined();
    if (!deployed) return;
    expect(functionBehind(deployed)).toBe(logicalIdOf(route.function));
    if (needsSignIn(route.access)) {
      expect(deployed.AuthorizationType).toBe('JWT');
      expect(deployed.AuthorizerId).toEqual({ Ref: authorizerId });
    } else {
      expect(deployed.AuthorizationType ?? 'NONE').toBe('NONE');
      expect(deployed.AuthorizerId).toBeUndefined();
    }
  });

  it('checks staff tokens against the Cognito pool and the web client', () => {
    expect(Object.keys(authorizers)).toHaveLength(1);
    serviceTemplate.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Audience: [{ Ref: Match.stringLikeRegexp('^StaffSignInUserPoolWebClient') }],
        Issuer: {
          'Fn::Join': [
            '',
            Match.arrayWith([
              Match.stringLikeRegexp('^https://cognito-idp\\.'),
              { Ref: Match.stringLikeRegexp('^StaffSignInUserPool[0-9A-F]+$') },
            ]),
          ],
        },
      },
    });
  });

  it('deploys no local-only route and no function that only serves them', () => {
    const localOnly = routeEntries.filter(([, route]) => route.localOnly);
    expect(localOnly.length).toBeGreaterThan(0);
    const template = JSON.stringify(serviceTemplate.toJSON());
    for (const [, route] of localOnly) expect(template).not.toContain(route.path);
    expect(deployedFunctionNames).not.toContain('dev');
    expect(template).not.toContain('functions/dev');
    expect(template).not.toContain('feature "dev"');
  });

  it('deploys every function that has a cloud route', () => {
    const withCloudRoutes = functionNames.filter((name) =>
      cloudRoutes.some(([, route]) => route.function === name),
    );
    expect(deployedFunctionNames).toEqual(withCloudRoutes);
    expect([...service.api.functions.keys()]).toEqual(withCloudRoutes);
  });

  it('throttles the public routes that send e-mail tighter than the stage', () => {
    const [stage] = Object.values(resourcesOf(serviceTemplate, 'AWS::ApiGatewayV2::Stage'));
    if (!stage) throw new Error('no API stage');
    const settings = stage.Properties.RouteSettings as Record<string, { ThrottlingRateLimit: number }>;
    const stageRate = (stage.Properties.DefaultRouteSettings as { ThrottlingRateLimit: number })
      .ThrottlingRateLimit;
    for (const routeKey of [
      'POST /api/surveys/{surveyId}/participation',
      'POST /api/workshops/{workshopId}/registrations',
    ]) {
      expect(settings[routeKey]?.ThrottlingRateLimit).toBeLessThan(stageRate);
    }
  });

  it('throttles and logs every request as JSON to a log group with retention', () => {
    const stages = Object.values(resourcesOf(serviceTemplate, 'AWS::ApiGatewayV2::Stage'));
    expect(stages).toHaveLength(1);
    const stage = stages[0]?.Properties as {
      StageName: string;
      AutoDeploy: boolean;
      DefaultRouteSettings: Record<string, number>;
      AccessLogSettings: { DestinationArn: { 'Fn::GetAtt': [string, string] }; Format: string };
    };
    expect(stage.StageName).toBe('$default');
    expect(stage.AutoDeploy).toBe(true);
    expect(stage.DefaultRouteSettings.ThrottlingRateLimit).toBeGreaterThan(0);
    expect(stage.DefaultRouteSettings.ThrottlingBurstLimit).toBeGreaterThan(0);
    const format = JSON.parse(stage.AccessLogSettings.Format) as Record<string, string>;
    expect(format.requestId).toBe('$context.requestId');
    expect(format.routeKey).toBe('$context.routeKey');
    expect(JSON.stringify(format)).not.toMatch(/sourceIp|userAgent/);
    // The route key is the template (`PUT /api/survey/draft`); no field holds the path, the query or a
    // request header, so neither a link token nor a staff token can reach this log.
    expect(JSON.stringify(format)).not.toMatch(/\$context\.path|\$request\.|header|querystring|identity/i);
    const logGroupId = stage.AccessLogSettings.DestinationArn['Fn::GetAtt'][0];
    expect(resourcesOf(serviceTemplate, 'AWS::Logs::LogGroup')[logGroupId]?.Properties.RetentionInDays).toBe(
      30,
    );
  });
});
