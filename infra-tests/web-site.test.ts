import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spaRewriteSource } from '../lib/constructs/spa-rewrite';
import { loadCloudStage } from '../lib/stage-config';
import { SynthRefused } from '../lib/synth-refused';
import { createWegweiser } from '../lib/wegweiser';
import { resourcesOf, synthWegweiser, testApp } from './support/wegweiser';

const { serviceTemplate } = synthWegweiser();
const [distribution] = Object.values(resourcesOf(serviceTemplate, 'AWS::CloudFront::Distribution'));
const config = distribution?.Properties.DistributionConfig as {
  DefaultRootObject: string;
  Origins: {
    Id: string;
    DomainName: unknown;
    S3OriginConfig?: unknown;
    OriginAccessControlId?: unknown;
    CustomOriginConfig?: Record<string, unknown>;
  }[];
  DefaultCacheBehavior: Record<string, unknown> & { FunctionAssociations: { EventType: string }[] };
  CacheBehaviors: (Record<string, unknown> & { PathPattern: string })[];
  Logging?: unknown;
  Aliases?: string[];
  ViewerCertificate?: Record<string, unknown>;
};

/** CloudFront's managed policies, by their documented ids. */
const managed = {
  cachingDisabled: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad',
  cachingOptimized: '658327ea-f89d-4fab-a63d-7e88639e58f6',
  allViewerExceptHostHeader: 'b689b0a8-53d0-40ab-baf2-68738e2966ac',
};

const spaRewrite = new Function(`${spaRewriteSource}; return handler;`)() as (event: {
  request: { uri: string; querystring: Record<string, unknown> };
}) => { uri: string; querystring: Record<string, unknown> };

describe('the web front end', () => {
  it('keeps the site bucket private, versioned, SSL-only and logged', () => {
    const sites = Object.values(resourcesOf(serviceTemplate, 'AWS::S3::Bucket')).filter(
      (bucket) => bucket.Properties.VersioningConfiguration,
    );
    expect(sites).toHaveLength(1);
    expect(sites[0]?.Properties).toMatchObject({
      VersioningConfiguration: { Status: 'Enabled' },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      LoggingConfiguration: { LogFilePrefix: 'site-bucket/' },
    });
    const policies = JSON.stringify(resourcesOf(serviceTemplate, 'AWS::S3::BucketPolicy'));
    expect(policies).toContain('"aws:SecureTransport":"false"');
  });

  it('reads the bucket through Origin Access Control only', () => {
    serviceTemplate.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    const s3Origins = config.Origins.filter((origin) => origin.S3OriginConfig);
    expect(s3Origins).toHaveLength(1);
    expect(s3Origins[0]?.OriginAccessControlId).toBeDefined();
  });

  it('serves the API same-origin under /api/*, uncached, with every method and the viewer headers', () => {
    expect(config.CacheBehaviors).toHaveLength(1);
    const api = config.CacheBehaviors[0];
    expect(api).toMatchObject({
      PathPattern: '/api/*',
      CachePolicyId: managed.cachingDisabled,
      OriginRequestPolicyId: managed.allViewerExceptHostHeader,
      ViewerProtocolPolicy: 'https-only',
      AllowedMethods: expect.arrayContaining(['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE']),
    });
    const origin = config.Origins.find((candidate) => candidate.Id === api?.TargetOriginId);
    expect(origin?.CustomOriginConfig).toMatchObject({
      OriginProtocolPolicy: 'https-only',
      OriginSSLProtocols: ['TLSv1.2'],
    });
    expect(JSON.stringify(origin?.DomainName)).toContain('ApiHttpApi');
  });

  it('caches the site and rewrites client-side routes at the viewer request', () => {
    expect(config.DefaultRootObject).toBe('index.html');
    expect(config.DefaultCacheBehavior).toMatchObject({
      CachePolicyId: managed.cachingOptimized,
      ViewerProtocolPolicy: 'redirect-to-https',
    });
    expect(config.DefaultCacheBehavior.FunctionAssociations).toEqual([
      expect.objectContaining({ EventType: 'viewer-request' }),
    ]);
    serviceTemplate.hasResourceProperties('AWS::CloudFront::Function', {
      FunctionCode: spaRewriteSource,
      FunctionConfig: { Runtime: 'cloudfront-js-2.0' },
    });
  });

  it.each([
    ['/', '/index.html'],
    ['/staff/callback', '/index.html'],
    ['/survey/3f2a9c/step-2', '/index.html'],
    ['/assets/index-1a2b.js', '/assets/index-1a2b.js'],
    ['/favicon.ico', '/favicon.ico'],
    ['/v1.2/page', '/index.html'],
    ['/api/health', '/api/health'],
    ['/api/staff/me', '/api/staff/me'],
  ])('the SPA rewrite sends %s to %s', (uri, expected) => {
    const querystring = { code: { value: 'abc' } };
    const request = spaRewrite({ request: { uri, querystring } });
    expect(request.uri).toBe(expected);
    expect(request.querystring).toBe(querystring);
  });

  it('redirects old links with a token in the path to the fragment form, with the code it deploys', () => {
    const [deployed] = Object.values(resourcesOf(serviceTemplate, 'AWS::CloudFront::Function'));
    const code = deployed?.Properties.FunctionCode as string;
    const handler = new Function(`${code}; return handler;`)() as (event: {
      request: { uri: string; querystring: Record<string, { value: string }> };
    }) => { statusCode?: number; headers?: Record<string, { value: string }>; uri?: string };
    const token = 'q1W2e3R4t5Y6u7I8o9P0aS';
    const answer = handler({ request: { uri: `/survey/${token}`, querystring: { lang: { value: 'de' } } } });
    expect(answer).toMatchObject({
      statusCode: 302,
      headers: {
        location: { value: `/survey?lang=de#${token}` },
        'cache-control': { value: 'no-store' },
        'referrer-policy': { value: 'no-referrer' },
      },
    });
    expect(handler({ request: { uri: '/survey', querystring: {} } }).uri).toBe('/index.html');
  });

  it('forwards the link token header to the API and keeps headers and cookies out of the access log', () => {
    // The managed "all viewer headers except Host" policy forwards Wegweiser-Access-Token; CloudFront's
    // standard log has no field for request headers, and cookies are left out.
    expect(config.CacheBehaviors[0]?.OriginRequestPolicyId).toBe(managed.allViewerExceptHostHeader);
    expect(config.Logging).toMatchObject({ IncludeCookies: false, Prefix: 'cloudfront/' });
  });

  it('adds security headers to every answer, with a CSP that allows no inline script', () => {
    const [policy] = Object.values(resourcesOf(serviceTemplate, 'AWS::CloudFront::ResponseHeadersPolicy'));
    const policyConfig = policy?.Properties.ResponseHeadersPolicyConfig as
      | { SecurityHeadersConfig: Record<string, Record<string, unknown>> }
      | undefined;
    const headers = policyConfig?.SecurityHeadersConfig ?? {};
    expect(headers.StrictTransportSecurity).toMatchObject({
      AccessControlMaxAgeSec: 63072000,
      IncludeSubdomains: true,
    });
    expect(headers.ContentTypeOptions).toMatchObject({ Override: true });
    expect(headers.FrameOptions).toMatchObject({ FrameOption: 'DENY' });
    expect(headers.ReferrerPolicy).toMatchObject({ ReferrerPolicy: 'strict-origin-when-cross-origin' });
    const csp = JSON.stringify(headers.ContentSecurityPolicy?.ContentSecurityPolicy);
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/connect-src 'self' https:\/\//);
    const policyId = Object.keys(resourcesOf(serviceTemplate, 'AWS::CloudFront::ResponseHeadersPolicy'))[0];
    for (const behavior of [config.DefaultCacheBehavior, ...config.CacheBehaviors]) {
      expect(behavior.ResponseHeadersPolicyId).toEqual({ Ref: policyId });
    }
  });

  it('logs viewer requests to a bucket whose logs expire with the log retention', () => {
    expect(config.Logging).toBeDefined();
    const logBuckets = Object.values(resourcesOf(serviceTemplate, 'AWS::S3::Bucket')).filter(
      (bucket) => !bucket.Properties.VersioningConfiguration,
    );
    expect(logBuckets[0]?.Properties.LifecycleConfiguration).toEqual({
      Rules: [{ ExpirationInDays: 30, Status: 'Enabled' }],
    });
  });

  it('uploads the web build: hashed assets immutable, the rest revalidated, then invalidates', () => {
    const deployments = Object.values(resourcesOf(serviceTemplate, 'Custom::CDKBucketDeployment')).map(
      (deployment) => deployment.Properties,
    );
    expect(deployments).toHaveLength(2);
    expect(JSON.stringify(deployments)).toContain('immutable');
    expect(deployments.filter((deployment) => deployment.DistributionPaths)).toEqual([
      expect.objectContaining({ DistributionPaths: ['/*'] }),
    ]);
  });

  it('refuses to synthesize without a web build, saying how to make one', () => {
    const empty = mkdtempSync(join(tmpdir(), 'wegweiser-no-web-'));
    expect(() => createWegweiser(testApp(), { stage: loadCloudStage('dev'), webAssetDir: empty })).toThrow(
      new SynthRefused(`No web build in ${empty} (index.html is missing): run \`npm run build:web\` first.`),
    );
  });

  it('serves the public domain with TLS 1.2 when given a us-east-1 certificate', () => {
    const certificateArn =
      'arn:aws:acm:us-east-1:123456789012:certificate/0f0e0d0c-1111-2222-3333-444455556666';
    const withDomain = synthWegweiser({ certificateArn }).serviceTemplate;
    const [custom] = Object.values(resourcesOf(withDomain, 'AWS::CloudFront::Distribution'));
    expect(custom?.Properties.DistributionConfig).toMatchObject({
      Aliases: ['wegweiser-dev.landkreis-wuerzburg.de'],
      ViewerCertificate: {
        AcmCertificateArn: certificateArn,
        MinimumProtocolVersion: 'TLSv1.2_2021',
        SslSupportMethod: 'sni-only',
      },
    });
  });

  it('refuses a certificate outside us-east-1, which CloudFront cannot use', () => {
    expect(() =>
      synthWegweiser({ certificateArn: 'arn:aws:acm:eu-central-1:123456789012:certificate/0f0e0d0c' }),
    ).toThrow(SynthRefused);
  });
});
