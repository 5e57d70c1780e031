import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Duration, Stack, Validations } from 'aws-cdk-lib';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  OriginSslPolicy,
  PriceClass,
  SecurityPolicyProtocol,
  Function as ViewerFunction,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { SynthRefused } from '../synth-refused';
import { securityHeadersPolicy } from './security-headers';
import { SiteDeployment } from './site-deployment';
import { spaRewriteSource } from './spa-rewrite';

export interface WebSiteProps {
  /** Vite's output; must hold an index.html. */
  webAssetDir: string;
  /** Host name of the HTTP API, served same-origin under /api/*. */
  apiDomainName: string;
  /** Headers CloudFront adds to every request to the API: the origin secret (lib/constructs/origin-secret.ts). */
  originHeader: Record<string, string>;
  /** The Cognito hosted UI origin: the front end exchanges the authorization code there (fetch). */
  signInOrigin: string;
  logRetention: RetentionDays;
  logRetentionDays: number;
  /** The public host name and its ACM certificate (us-east-1); without one, the *.cloudfront.net name. */
  customDomain?: { domainName: string; certificateArn: string };
}

/** Refuses the synth early, before any bundling, when Vite's output is missing. */
export function requireWebBuild(webAssetDir: string): void {
  if (!existsSync(join(webAssetDir, 'index.html'))) {
    throw new SynthRefused(
      `No web build in ${webAssetDir} (index.html is missing): run \`npm run build:web\` first.`,
    );
  }
}

/**
 * The front end: a private, versioned bucket behind CloudFront (Origin Access Control), the HTTP API
 * behind the same distribution under /api/* (same origin, so no CORS), security headers on every answer.
 */
export class WebSite extends Construct {
  readonly distribution: Distribution;
  readonly bucket: Bucket;

  constructor(scope: Construct, id: string, props: WebSiteProps) {
    super(scope, id);
    requireWebBuild(props.webAssetDir);

    // CloudFront's standard logs are written with ACLs, hence object ownership "bucket owner preferred".
    // The logs hold viewers' IP addresses, so they expire with the stage's log retention. (cdk-nag's S1
    // accepts a log destination bucket without logs of its own.)
    const accessLogs = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(props.logRetentionDays) }],
    });

    this.bucket = new Bucket(this, 'Site', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: true,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'site-bucket/',
      lifecycleRules: [{ noncurrentVersionExpiration: Duration.days(30) }],
    });

    const spaRewrite = new ViewerFunction(this, 'SpaRewrite', {
      code: FunctionCode.fromInline(spaRewriteSource),
      runtime: FunctionRuntime.JS_2_0,
      comment: 'Answers client-side routes of the single-page app with /index.html',
    });

    const securityHeaders = securityHeadersPolicy(this, 'SecurityHeaders', props.signInOrigin);

    const domain = props.customDomain;
    if (domain && domain.certificateArn.split(':')[3] !== 'us-east-1') {
      throw new SynthRefused(`The CloudFront certificate must be in us-east-1: ${domain.certificateArn}`);
    }

    this.distribution = new Distribution(this, 'Distribution', {
      comment: `Wegweiser (${Stack.of(this).stackName})`,
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      // Europe and North America: the county's users are in Germany.
      priceClass: PriceClass.PRICE_CLASS_100,
      ...(domain
        ? {
            minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
            domainNames: [domain.domainName],
            certificate: Certificate.fromCertificateArn(this, 'Certificate', domain.certificateArn),
          }
        : {}),
      enableLogging: true,
      logBucket: accessLogs,
      logFilePrefix: 'cloudfront/',
      logIncludesCookies: false,
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: securityHeaders,
        functionAssociations: [{ function: spaRewrite, eventType: FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: {
        '/api/*': {
          origin: new HttpOrigin(props.apiDomainName, {
            protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
            originSslProtocols: [OriginSslPolicy.TLS_V1_2],
            customHeaders: props.originHeader,
          }),
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          // With caching disabled, this policy forwards the Authorization header too. It also forwards
          // CloudFront's own viewer headers, among them CloudFront-Viewer-Address: the client address
          // the rate limits count (functions/shared/http/rate-limit.ts); sourceIp is CloudFront's.
          cachePolicy: CachePolicy.CACHING_DISABLED,
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: securityHeaders,
        },
      },
    });
    const distributionFindings = [
      {
        id: 'AwsSolutions-CFR1',
        reason:
          'No geo restriction: the site serves people who are new to the county, some of them still abroad or using foreign networks.',
      },
      {
        id: 'AwsSolutions-CFR2',
        reason:
          'No AWS WAF for now: the API throttles per route and validates every input; a web ACL (about 6 USD a month plus requests) is an open decision for prod.',
      },
    ];
    if (!domain) {
      distributionFindings.push({
        id: 'AwsSolutions-CFR4',
        reason:
          'Without a custom domain CloudFront serves its default *.cloudfront.net certificate, whose TLS policy cannot be set; with -c certificateArn=... the distribution uses TLSv1.2_2021.',
      });
    }
    Validations.of(this.distribution).acknowledge(...distributionFindings);

    new SiteDeployment(this, 'Deployment', {
      webAssetDir: props.webAssetDir,
      bucket: this.bucket,
      distribution: this.distribution,
      logRetention: props.logRetention,
    });
  }
}
