import { App, Stack, Validations } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import type { IConstruct } from 'constructs';
import { describe, expect, it } from 'vitest';
import { nagFindings } from '../lib/nag';
import { synthWegweiser } from './support/wegweiser';

const { app, service } = synthWegweiser();

function acknowledgements(root: IConstruct): { path: string; id: string; reason: unknown }[] {
  return root.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) =>
        Object.entries(entry.data as Record<string, unknown>).map(([id, reason]) => ({
          path: construct.node.path,
          id,
          reason,
        })),
      ),
  );
}

describe('cdk-nag', () => {
  it('finds no unacknowledged AwsSolutions or Serverless error in either stack', () => {
    const errors = nagFindings(app).filter((finding) => finding.severity === 'error');
    expect(errors).toEqual([]);
  });

  it('finds no unacknowledged warning either', () => {
    const warnings = nagFindings(app).filter((finding) => finding.severity !== 'error');
    expect(warnings).toEqual([]);
  });

  it('does report errors, so the checks above can fail', () => {
    const probe = new Stack(new App(), 'Probe');
    new Bucket(probe, 'Careless');
    const rules = nagFindings(probe).map((finding) => finding.rule);
    expect(rules).toEqual(expect.arrayContaining(['AwsSolutions-S1', 'AwsSolutions-S10']));
  });

  it('gives every acknowledged finding a written reason', () => {
    const acknowledged = acknowledgements(app);
    expect(acknowledged.length).toBeGreaterThan(0);
    for (const { path, id, reason } of acknowledged) {
      expect(typeof reason === 'string' && reason.trim().length >= 40, `${path}: ${id}`).toBe(true);
    }
  });

  it('warns, without failing, that the county details still hold placeholders', () => {
    Annotations.fromStack(service).hasWarning('*', Match.stringLikeRegexp('placeholders \\(authority, '));
  });
});
