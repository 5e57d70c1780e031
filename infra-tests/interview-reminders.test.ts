import { Template } from 'aws-cdk-lib/assertions';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { describe, expect, it } from 'vitest';
import { deployedFunctionNames } from '../lib/cloud-routes';
import { resourcesOf, synthWegweiser } from './support/wegweiser';

const { service, serviceTemplate } = synthWegweiser();

interface Statement {
  Action: string | string[];
  Resource: unknown;
  Condition?: unknown;
}

const policies = Object.values(resourcesOf(serviceTemplate, 'AWS::IAM::Policy'));
const statementsOfRole = (roleId: string): Statement[] =>
  policies
    .filter((policy) => JSON.stringify(policy.Properties.Roles).includes(`"${roleId}"`))
    .flatMap((policy) => (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
const actionsOf = (statement: Statement) => [statement.Action].flat();

function functionOf(name: (typeof deployedFunctionNames)[number]) {
  const feature = service.api.functions.get(name);
  if (!feature) throw new Error(`${name} not deployed`);
  const logicalId = service.getLogicalId(feature.function.node.defaultChild as CfnFunction);
  const properties = resourcesOf(serviceTemplate, 'AWS::Lambda::Function')[logicalId]?.Properties as {
    Role: { 'Fn::GetAtt': [string, string] };
    Environment: { Variables: Record<string, unknown> };
  };
  return { feature, logicalId, properties, roleId: properties.Role['Fn::GetAtt'][0] };
}

const interviews = functionOf('interviews');
const reminders = interviews.feature.reminders;
if (!reminders) throw new Error('the interviews function has no reminder schedules');
const groupId = service.getLogicalId(reminders.group.node.defaultChild as never);
const invokeRoleId = service.getLogicalId(reminders.invokeRole.node.defaultChild as never);
const groupName = String(
  resourcesOf(serviceTemplate, 'AWS::Scheduler::ScheduleGroup')[groupId]?.Properties.Name,
);

describe('interview reminders through EventBridge Scheduler', () => {
  it('synthesizes without a dependency cycle between the function and the role that invokes it', () => {
    expect(() => Template.fromStack(service)).not.toThrow();
  });

  it('has a schedule group of its own', () => {
    expect(Object.keys(resourcesOf(serviceTemplate, 'AWS::Scheduler::ScheduleGroup'))).toEqual([groupId]);
  });

  it('gives Scheduler a role that may only invoke the interviews function', () => {
    const role = resourcesOf(serviceTemplate, 'AWS::IAM::Role')[invokeRoleId];
    expect(JSON.stringify(role?.Properties.AssumeRolePolicyDocument)).toContain('scheduler.amazonaws.com');
    const statements = statementsOfRole(invokeRoleId);
    expect(statements.flatMap(actionsOf)).toEqual(['lambda:InvokeFunction']);
    expect(JSON.stringify(statements[0]?.Resource)).toContain(interviews.logicalId);
  });

  it('lets the function create, update and delete schedules in its group only, and pass only that role', () => {
    const statements = statementsOfRole(interviews.roleId);
    const scheduler = statements.find((statement) =>
      actionsOf(statement).includes('scheduler:CreateSchedule'),
    );
    expect(actionsOf(scheduler ?? { Action: [], Resource: '' }).sort()).toEqual([
      'scheduler:CreateSchedule',
      'scheduler:DeleteSchedule',
      'scheduler:UpdateSchedule',
    ]);
    expect(JSON.stringify(scheduler?.Resource)).toContain(`:schedule/${groupName}/*`);
    expect(JSON.stringify(scheduler?.Resource)).not.toBe('"*"');
    const passRole = statements.find((statement) => actionsOf(statement).includes('iam:PassRole'));
    expect(JSON.stringify(passRole?.Resource)).toContain(invokeRoleId);
    expect(passRole?.Condition).toEqual({
      StringEquals: { 'iam:PassedToService': 'scheduler.amazonaws.com' },
    });
  });

  it('tells the function its group and role through the checked environment', () => {
    const variables = interviews.properties.Environment.Variables;
    expect(variables.WEGWEISER_REMINDER_SCHEDULER).toBe('eventbridge');
    expect(variables.WEGWEISER_REMINDER_SCHEDULE_GROUP).toBe(groupName);
    expect(JSON.stringify(variables.WEGWEISER_REMINDER_ROLE_ARN)).toContain(invokeRoleId);
  });

  it('grants no other function any scheduler action', () => {
    for (const name of deployedFunctionNames.filter((candidate) => candidate !== 'interviews')) {
      const actions = statementsOfRole(functionOf(name).roleId).flatMap(actionsOf);
      expect(
        actions.filter((action) => action.startsWith('scheduler:') || action === 'iam:PassRole'),
      ).toEqual([]);
      expect(functionOf(name).properties.Environment.Variables.WEGWEISER_REMINDER_SCHEDULER).toBeUndefined();
    }
  });
});
