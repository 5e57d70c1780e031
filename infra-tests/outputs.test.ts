import { describe, expect, it } from 'vitest';
import { synthWegweiser } from './support/wegweiser';

const { data, service, dataTemplate, serviceTemplate } = synthWegweiser();

describe('the stacks of a stage', () => {
  it('are named by stage, the service stack after the data stack', () => {
    expect(data.stackName).toBe('Wegweiser-dev-Data');
    expect(service.stackName).toBe('Wegweiser-dev-Service');
    expect(service.dependencies).toContain(data);
    expect(service.region).toBe('eu-central-1');
  });

  it('publish what deploying and creating the first admin need', () => {
    expect(Object.keys(serviceTemplate.findOutputs('*'))).toEqual(
      expect.arrayContaining(['SiteUrl', 'ApiUrl', 'UserPoolId', 'UserPoolClientId', 'HostedUiUrl']),
    );
    expect(Object.keys(dataTemplate.findOutputs('*'))).toContain('TableName');
  });

  it('give no resource a hard-coded physical name (references to other resources are fine)', () => {
    const named = [dataTemplate, serviceTemplate].flatMap((template) =>
      Object.entries(template.toJSON().Resources as Record<string, { Properties?: Record<string, unknown> }>)
        .filter(([, resource]) =>
          ['TableName', 'BucketName', 'FunctionName', 'RoleName', 'LogGroupName', 'UserPoolName'].some(
            (key) => typeof resource.Properties?.[key] === 'string',
          ),
        )
        .map(([id]) => id),
    );
    expect(named).toEqual([]);
  });
});
