import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { securityHeaderValues } from '../lib/constructs/security-header-values';
import { securityHeadersPolicy } from '../lib/constructs/security-headers';
import { securityHeaders as localSecurityHeaders } from '../local/security-headers';
import { resourcesOf, synthWegweiser } from './support/wegweiser';

interface SecurityHeadersConfig {
  ContentSecurityPolicy?: { ContentSecurityPolicy: string; Override: boolean };
  StrictTransportSecurity?: {
    AccessControlMaxAgeSec: number;
    IncludeSubdomains?: boolean;
    Preload?: boolean;
    Override: boolean;
  };
  ContentTypeOptions?: { Override: boolean };
  FrameOptions?: { FrameOption: string; Override: boolean };
  ReferrerPolicy?: { ReferrerPolicy: string; Override: boolean };
  XSSProtection?: { Protection: boolean; ModeBlock?: boolean; Override: boolean };
}

interface PolicyConfig {
  SecurityHeadersConfig?: SecurityHeadersConfig;
  CustomHeadersConfig?: { Items: { Header: string; Value: string }[] };
}

/** The headers a browser receives from a response headers policy, as CloudFront writes them. */
function headersOf(config: PolicyConfig): Record<string, string> {
  const security = config.SecurityHeadersConfig ?? {};
  const headers: Record<string, string> = {};
  if (security.ContentSecurityPolicy)
    headers['content-security-policy'] = security.ContentSecurityPolicy.ContentSecurityPolicy;
  if (security.StrictTransportSecurity) {
    const hsts = security.StrictTransportSecurity;
    headers['strict-transport-security'] = [
      `max-age=${hsts.AccessControlMaxAgeSec}`,
      ...(hsts.IncludeSubdomains ? ['includeSubDomains'] : []),
      ...(hsts.Preload ? ['preload'] : []),
    ].join('; ');
  }
  if (security.ContentTypeOptions) headers['x-content-type-options'] = 'nosniff';
  if (security.FrameOptions) headers['x-frame-options'] = security.FrameOptions.FrameOption;
  if (security.ReferrerPolicy) headers['referrer-policy'] = security.ReferrerPolicy.ReferrerPolicy;
  if (security.XSSProtection) headers['x-xss-protection'] = security.XSSProtection.Protection ? '1' : '0';
  for (const item of config.CustomHeadersConfig?.Items ?? []) headers[item.Header.toLowerCase()] = item.Value;
  return headers;
}

const signInOrigin = 'https://wegweiser-auth.auth.eu-central-1.amazoncognito.com';

function synthesizedPolicy(): PolicyConfig {
  const stack = new Stack(new App(), 'Headers');
  securityHeadersPolicy(stack, 'SecurityHeaders', signInOrigin);
  const [policy] = Object.values(
    Template.fromStack(stack).findResources('AWS::CloudFront::ResponseHeadersPolicy'),
  );
  if (!policy) throw new Error('no response headers policy');
  return (policy.Properties as { ResponseHeadersPolicyConfig: PolicyConfig }).ResponseHeadersPolicyConfig;
}

describe('security headers, the same locally and in the cloud', () => {
  const cloud = headersOf(synthesizedPolicy());

  it('sends every header CloudFront sets, HSTS included, with overriding on', () => {
    expect(Object.keys(cloud).sort()).toEqual([
      'content-security-policy',
      'referrer-policy',
      'strict-transport-security',
      'x-content-type-options',
      'x-frame-options',
    ]);
    expect(cloud['strict-transport-security']).toMatch(/^max-age=\d{8}; includeSubDomains$/);
    const security = synthesizedPolicy().SecurityHeadersConfig ?? {};
    for (const header of Object.values(security)) expect(header?.Override).toBe(true);
  });

  it('has the local server send exactly the headers of the synthesized policy (the sign-in origin aside)', () => {
    expect(cloud).toEqual(securityHeaderValues(signInOrigin));
    const withoutSignIn = {
      ...cloud,
      'content-security-policy': cloud['content-security-policy']?.replace(` ${signInOrigin}`, ''),
    };
    expect(localSecurityHeaders).toEqual(withoutSignIn);
  });

  it('puts that policy on both the site and the API behaviours of the distribution', () => {
    const { serviceTemplate } = synthWegweiser();
    const policies = Object.keys(resourcesOf(serviceTemplate, 'AWS::CloudFront::ResponseHeadersPolicy'));
    expect(policies).toHaveLength(1);
    const [distribution] = Object.values(resourcesOf(serviceTemplate, 'AWS::CloudFront::Distribution'));
    const config = distribution?.Properties.DistributionConfig as {
      DefaultCacheBehavior: { ResponseHeadersPolicyId: unknown };
      CacheBehaviors: { ResponseHeadersPolicyId: unknown }[];
    };
    const reference = { Ref: policies[0] };
    expect(config.DefaultCacheBehavior.ResponseHeadersPolicyId).toEqual(reference);
    for (const behavior of config.CacheBehaviors) expect(behavior.ResponseHeadersPolicyId).toEqual(reference);
  });
});
