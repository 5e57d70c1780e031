import { Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, type NagPack, ServerlessChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';

const packs = (scope?: IConstruct): NagPack[] => [
  new AwsSolutionsChecks(scope, { writeSuppressionsToCloudFormation: true }),
  new ServerlessChecks(scope),
];

/**
 * Runs the AWS Solutions and Serverless packs on every synth; an error that was not acknowledged
 * (with a reason, next to the resource it concerns) fails the synth. The reasons are also written to
 * each resource's `cdk_nag` metadata in the template.
 */
export function addNagChecks(scope: IConstruct): void {
  Validations.of(scope).addPlugins(...packs(scope));
}

export interface NagFinding {
  rule: string;
  severity: string;
  paths: string[];
}

/** The unacknowledged findings under `scope`, for tests (cdk-nag 3 reports through validation, not annotations). */
export function nagFindings(scope: IConstruct): NagFinding[] {
  return packs().flatMap((pack) =>
    pack.validateScope(scope).violations.map((violation) => ({
      rule: violation.ruleName,
      severity: violation.severity ?? 'error',
      paths: violation.violatingResources.map((resource) => resource.constructPath ?? '?'),
    })),
  );
}

/**
 * Acknowledges the findings of the listed rules under `scope`, each with its rule's reason. Only for
 * resources CDK writes and manages itself (BucketDeployment's handler): the ids of their IAM findings
 * embed names such as the asset bucket's, so they are discovered rather than written out. A finding of
 * a rule not listed stays reported.
 */
export function acknowledgeManagedFindings(scope: IConstruct, reasonByRule: Record<string, string>): void {
  for (const finding of nagFindings(scope)) {
    const reason = reasonByRule[finding.rule.replace(/\[.*\]$/, '')];
    if (reason) Validations.of(scope).acknowledge({ id: finding.rule, reason });
  }
}
