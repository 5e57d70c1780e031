import { Duration, Fn, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  type CfnStage,
  HttpApi,
  HttpMethod,
  HttpRoute,
  HttpRouteKey,
  HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { Access, FunctionName } from '../../functions/shared/http/route';
import { cloudRoutes, deployedFunctionNames, needsStaffToken } from '../cloud-routes';
import { accessOf } from '../function-access';
import { FeatureFunction } from './feature-function';

export interface FeatureApiProps {
  table: ITableV2;
  mailFrom: string;
  environment: Record<string, string>;
  logRetention: RetentionDays;
  /** Cognito: tokens of this issuer for this app client pass the staff routes. */
  staffTokenIssuer: string;
  staffClientId: string;
}

/**
 * Set explicitly: HTTP API's maximum (CDK allows up to 29 s). Every function behind it times out
 * earlier (`functionTimeout`), so a slow request ends in the function's own answer, not the gateway's.
 */
export const integrationTimeout = Duration.seconds(29);

/** Per-route defaults; well above what the county's users produce, low enough to cap a runaway client. */
const throttle = { rateLimit: 50, burstLimit: 100 };

/** No source IP or user agent: the log serves operations, and neither is needed for that. */
const accessLogFields = {
  requestId: '$context.requestId',
  requestTime: '$context.requestTimeEpoch',
  routeKey: '$context.routeKey',
  status: '$context.status',
  responseLength: '$context.responseLength',
  responseLatency: '$context.responseLatency',
  integrationLatency: '$context.integrationLatency',
  integrationError: '$context.integrationErrorMessage',
  authorizerError: '$context.authorizer.error',
};

/** Why a route without the JWT authorizer is still safe, by its access in the route table. */
const openAccessReasons: Record<Exclude<Access, 'member' | 'staff' | 'admin' | 'steering'>, string> = {
  public:
    'Public by design (access "public" in functions/routes.ts): the handler validates its input and the stage throttles.',
  invitation:
    'Access "invitation" in functions/routes.ts: the caller proves access with an unguessable link token in the Wegweiser-Access-Token header, checked by the handler.',
  bot: 'Access "bot" in functions/routes.ts: Bot Framework requests carry a Bot Connector JWT that the SDK validates in the handler.',
};

const pascal = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

/**
 * The HTTP API built from the route table: one function per feature area, one API Gateway route per
 * endpoint (so throttling, authorization and metrics stay per route), all routes of a feature
 * integrated with that feature's function, which dispatches on the route key.
 */
export class FeatureApi extends Construct {
  readonly httpApi: HttpApi;
  readonly stage: HttpStage;
  readonly functions: ReadonlyMap<FunctionName, FeatureFunction>;

  constructor(scope: Construct, id: string, props: FeatureApiProps) {
    super(scope, id);
    this.httpApi = new HttpApi(this, 'HttpApi', {
      description: 'Wegweiser API, reached through CloudFront under /api/*',
      createDefaultStage: false,
    });
    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: props.logRetention });
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle,
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(JSON.stringify(accessLogFields)),
      },
    });
    Validations.of(this.stage).acknowledge({
      id: 'Serverless-APIGWXrayEnabled',
      reason:
        'HTTP APIs do not support X-Ray tracing; every request has an id in the JSON access log instead.',
    });

    const functions = new Map<FunctionName, FeatureFunction>();
    const integrations = new Map<FunctionName, HttpLambdaIntegration>();
    for (const name of deployedFunctionNames) {
      const feature = new FeatureFunction(this, `${pascal(name)}Function`, {
        name,
        table: props.table,
        access: accessOf(name),
        mailFrom: props.mailFrom,
        environment: props.environment,
        logRetention: props.logRetention,
      });
      functions.set(name, feature);
      integrations.set(
        name,
        new HttpLambdaIntegration(`${pascal(name)}Integration`, feature.function, {
          timeout: integrationTimeout,
        }),
      );
    }
    this.functions = functions;

    const staffAuthorizer = new HttpJwtAuthorizer('StaffAuthorizer', props.staffTokenIssuer, {
      jwtAudience: [props.staffClientId],
      identitySource: ['$request.header.Authorization'],
    });

    const routeSettings: Record<string, { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }> = {};
    for (const [routeId, route] of cloudRoutes) {
      const integration = integrations.get(route.function);
      if (!integration) throw new Error(`Route ${routeId}: function ${route.function} is not deployed`);
      const httpRoute = new HttpRoute(this, `${pascal(routeId)}Route`, {
        httpApi: this.httpApi,
        routeKey: HttpRouteKey.with(route.path, HttpMethod[route.method]),
        integration,
        ...(needsStaffToken(route) ? { authorizer: staffAuthorizer } : {}),
      });
      if (route.throttle) {
        routeSettings[`${route.method} ${route.path}`] = {
          ThrottlingRateLimit: route.throttle.rateLimit,
          ThrottlingBurstLimit: route.throttle.burstLimit,
        };
        // Route settings name an existing route, so the stage is updated after the route exists.
        this.stage.node.addDependency(httpRoute);
      }
      if (!needsStaffToken(route)) {
        Validations.of(httpRoute).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason: openAccessReasons[route.access as keyof typeof openAccessReasons],
        });
      }
    }
    if (Object.keys(routeSettings).length > 0) {
      (this.stage.node.defaultChild as CfnStage).routeSettings = routeSettings;
    }
  }

  /** The API's host name, for CloudFront's origin. */
  get domainName(): string {
    return Fn.select(2, Fn.split('/', this.httpApi.apiEndpoint));
  }
}
