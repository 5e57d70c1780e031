import { Duration, Stack } from 'aws-cdk-lib';
import type { IDistribution } from 'aws-cdk-lib/aws-cloudfront';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { acknowledgeManagedFindings } from '../nag';

export interface SiteDeploymentProps {
  webAssetDir: string;
  bucket: IBucket;
  distribution: IDistribution;
  logRetention: RetentionDays;
}

const cdkManaged =
  "CDK's BucketDeployment handler, a deploy-time custom resource that CDK writes and manages";

/** Findings on the BucketDeployment handler, none of which its props can change. */
const handlerReasons: Record<string, string> = {
  'AwsSolutions-IAM4': `${cdkManaged}; CDK attaches AWSLambdaBasicExecutionRole to its role and offers no option to replace it.`,
  'AwsSolutions-IAM5': `${cdkManaged}; it copies the web build from the CDK asset bucket to the site bucket and invalidates CloudFront, so CDK grants object wildcards on exactly those two buckets (keys are unknown in advance) and CreateInvalidation, which it grants on "*".`,
  'AwsSolutions-L1': `${cdkManaged}; CDK chooses and upgrades its Python runtime.`,
  'Serverless-LambdaLatestVersion': `${cdkManaged}; CDK chooses and upgrades its Python runtime.`,
  'Serverless-LambdaDLQ': `${cdkManaged}; CloudFormation invokes it and reports a failure as a failed deployment.`,
  'Serverless-LambdaTracing': `${cdkManaged}; it runs only during deployments, whose events CloudFormation records.`,
};

/**
 * Uploads Vite's build. Its hashed files under assets/ never change and are cached for a year;
 * everything else (index.html, files from web/public) is revalidated on each visit. Nothing is pruned,
 * so a browser still holding the previous index.html can load its chunks.
 */
export class SiteDeployment extends Construct {
  constructor(scope: Construct, id: string, props: SiteDeploymentProps) {
    super(scope, id);
    const logGroup = new LogGroup(this, 'Logs', { retention: props.logRetention });
    const source = Source.asset(props.webAssetDir);
    const hashedAssets = new BucketDeployment(this, 'HashedAssets', {
      sources: [source],
      destinationBucket: props.bucket,
      exclude: ['*'],
      include: ['assets/*'],
      prune: false,
      cacheControl: [
        CacheControl.setPublic(),
        CacheControl.maxAge(Duration.days(365)),
        CacheControl.immutable(),
      ],
      logGroup,
    });
    const entryFiles = new BucketDeployment(this, 'EntryFiles', {
      sources: [source],
      destinationBucket: props.bucket,
      exclude: ['assets/*'],
      prune: false,
      cacheControl: [CacheControl.noCache()],
      distribution: props.distribution,
      distributionPaths: ['/*'],
      logGroup,
    });
    // index.html must not go live before the chunks it names.
    entryFiles.node.addDependency(hashedAssets);

    // The handler is a singleton at stack level, shared by both deployments.
    const handler = Stack.of(this).node.children.find((child) =>
      child.node.id.startsWith('Custom::CDKBucketDeployment'),
    );
    if (handler) acknowledgeManagedFindings(handler, handlerReasons);
  }
}
