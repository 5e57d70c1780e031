import { Duration, Fn, RemovalPolicy, Stack } from 'aws-cdk-lib';
import {
  AccountRecovery,
  FeaturePlan,
  Mfa,
  OAuthScope,
  StandardThreatProtectionMode,
  UserPool,
  type UserPoolClient,
  UserPoolClientIdentityProvider,
  type UserPoolDomain,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import type { StaffGroup } from '../../functions/shared/http/route';

export interface StaffSignInProps {
  stage: string;
  /** The site's public origin; the hosted UI sends staff back to `/staff/callback` there. */
  publicBaseUrl: string;
  /** Keeps the pool (and every staff account) when the stack is deleted or the pool replaced. */
  retain: boolean;
}

/** The groups a staff member can hold; handlers read them from the token's `cognito:groups`. */
export const staffGroups = {
  staff: 'County staff: survey evaluation, offerings, interviews',
  admin: 'Administrators: everything staff may do, plus managing content and settings',
  steering: 'Steering committee (Steuerungskreis): records priorities and measures; staff may read them',
} as const satisfies Record<StaffGroup, string>;

/**
 * Staff sign-in with Cognito: accounts created by an administrator only, the hosted UI, and a public
 * web client using the authorization code flow with PKCE.
 *
 * MFA (TOTP) is required for every account. Cognito can require MFA only for the whole pool, not per
 * group, and both groups see personal data of respondents, so there is no account that could skip it.
 * The Plus feature plan's threat protection (compromised credentials, adaptive authentication) is
 * enforced for the same reason; at a few dozen staff accounts its price per user is negligible.
 */
export class StaffSignIn extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;
  readonly domain: UserPoolDomain;

  constructor(scope: Construct, id: string, props: StaffSignInProps) {
    super(scope, id);
    this.userPool = new UserPool(this, 'UserPool', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 14,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: props.retain,
      removalPolicy: props.retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });

    for (const [groupName, description] of Object.entries(staffGroups)) {
      this.userPool.addGroup(`${groupName[0]?.toUpperCase()}${groupName.slice(1)}Group`, {
        groupName,
        description,
      });
    }

    // Hosted UI prefixes are global per region: the stack id's first block keeps each deployment's apart.
    const stackIdBlock = Fn.select(0, Fn.split('-', Fn.select(2, Fn.split('/', Stack.of(this).stackId))));
    this.domain = this.userPool.addDomain('HostedUi', {
      cognitoDomain: { domainPrefix: Fn.join('-', ['wegweiser', props.stage, stackIdBlock]) },
    });

    const base = props.publicBaseUrl.replace(/\/$/, '');
    this.client = this.userPool.addClient('WebClient', {
      generateSecret: false,
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: [`${base}/staff/callback`],
        logoutUrls: [`${base}/staff`],
      },
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.minutes(60),
      accessTokenValidity: Duration.minutes(60),
      refreshTokenValidity: Duration.hours(10),
    });
  }

  /** The issuer API Gateway's JWT authorizer checks tokens against. */
  get issuerUrl(): string {
    return `https://cognito-idp.${Stack.of(this).region}.${Stack.of(this).urlSuffix}/${this.userPool.userPoolId}`;
  }

  /** The hosted UI's origin, for the front end's redirects and the CSP's connect-src (token exchange). */
  get hostedUiUrl(): string {
    return this.domain.baseUrl();
  }
}
