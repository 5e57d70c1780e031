import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { staffGroupNames } from '../functions/shared/http/route';
import { loadCloudStage } from '../lib/stage-config';
import { resourcesOf, synthWegweiser } from './support/wegweiser';

const { stage, serviceTemplate } = synthWegweiser();

describe('staff sign-in (Cognito)', () => {
  it('lets only administrators create accounts, signing in by e-mail', () => {
    serviceTemplate.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      UsernameAttributes: ['email'],
    });
  });

  it('requires TOTP MFA for every account and enforces threat protection', () => {
    serviceTemplate.hasResourceProperties('AWS::Cognito::UserPool', {
      MfaConfiguration: 'ON',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      UserPoolTier: 'PLUS',
      UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
    });
  });

  it('requires long passwords with every character class', () => {
    serviceTemplate.hasResourceProperties('AWS::Cognito::UserPool', {
      Policies: {
        PasswordPolicy: Match.objectLike({
          MinimumLength: 14,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        }),
      },
    });
  });

  it('has the groups staff, admin and steering', () => {
    const groups = Object.values(resourcesOf(serviceTemplate, 'AWS::Cognito::UserPoolGroup')).map(
      (group) => group.Properties.GroupName,
    );
    // The handlers check exactly these names, so the pool must hold each of them and no other.
    expect(groups.sort()).toEqual([...staffGroupNames].sort());
  });

  it('gives the web a public client: authorization code (with PKCE), no secret, back to /staff/callback', () => {
    serviceTemplate.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthScopes: Match.arrayWith(['openid', 'email']),
      CallbackURLs: [`${stage.config.publicBaseUrl}/staff/callback`],
      PreventUserExistenceErrors: 'ENABLED',
      SupportedIdentityProviders: ['COGNITO'],
    });
  });

  it('generates a hosted UI prefix per stage and stack', () => {
    const [domain] = Object.values(resourcesOf(serviceTemplate, 'AWS::Cognito::UserPoolDomain'));
    expect(JSON.stringify(domain?.Properties.Domain)).toContain('"wegweiser-dev"');
    expect(JSON.stringify(domain?.Properties.Domain)).toContain('AWS::StackId');
  });

  it('keeps the prod pool when its stack goes, but lets a dev pool go', () => {
    const [devPool] = Object.values(resourcesOf(serviceTemplate, 'AWS::Cognito::UserPool'));
    expect(devPool?.DeletionPolicy).toBe('Delete');
    const prod = synthWegweiser({ stage: loadCloudStage('prod') }).serviceTemplate;
    const [prodPool] = Object.values(resourcesOf(prod, 'AWS::Cognito::UserPool'));
    expect(prodPool?.DeletionPolicy).toBe('Retain');
    expect(prodPool?.Properties.DeletionProtection).toBe('ACTIVE');
  });
});
