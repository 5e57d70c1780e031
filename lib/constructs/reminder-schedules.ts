import { Arn, ArnFormat, Stack } from 'aws-cdk-lib';
import { type IRole, Policy, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { ScheduleGroup } from 'aws-cdk-lib/aws-scheduler';
import { Construct } from 'constructs';
import { acknowledgeManagedFindings } from '../nag';

export interface ReminderSchedulesProps {
  /** The function that creates the schedules and that they invoke. */
  target: IFunction;
  /** The function's own role. */
  functionRole: IRole;
}

/**
 * EventBridge Scheduler one-time schedules for reminders: a schedule group of their own, a role that
 * Scheduler assumes to invoke the function (and nothing else), and for the function the right to
 * create, update and delete schedules in that group only and to pass exactly that role. The function
 * learns the group and role from its environment (functions/shared/config/env.ts).
 */
export class ReminderSchedules extends Construct {
  readonly group: ScheduleGroup;
  readonly invokeRole: Role;

  constructor(scope: Construct, id: string, props: ReminderSchedulesProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.group = new ScheduleGroup(this, 'Group', {});
    this.invokeRole = new Role(this, 'InvokeRole', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': stack.account } },
      }),
      description: 'EventBridge Scheduler invokes the interviews function with a reminder event',
    });
    this.invokeRole.addToPolicy(
      new PolicyStatement({
        actions: ['lambda:InvokeFunction'],
        resources: [props.target.functionArn],
      }),
    );
    const schedules = Arn.format(
      {
        service: 'scheduler',
        resource: 'schedule',
        resourceName: `${this.group.scheduleGroupName}/*`,
        arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
      },
      stack,
    );
    // A policy of its own, so that the acknowledgement below covers exactly these two statements.
    const manage = new Policy(this, 'ManageSchedules', {
      roles: [props.functionRole],
      statements: [
        new PolicyStatement({
          actions: ['scheduler:CreateSchedule', 'scheduler:UpdateSchedule', 'scheduler:DeleteSchedule'],
          resources: [schedules],
        }),
        new PolicyStatement({
          actions: ['iam:PassRole'],
          resources: [this.invokeRole.roleArn],
          conditions: { StringEquals: { 'iam:PassedToService': 'scheduler.amazonaws.com' } },
        }),
      ],
    });
    acknowledgeManagedFindings(manage, {
      'AwsSolutions-IAM5':
        'Reminder schedules are named per interview (interview-<id>) when a booking is made, so the function manages the schedules of its own schedule group, and only of that group.',
    });
  }

  /** The environment the function reads (functions/shared/config/env.ts). */
  get environment(): Record<string, string> {
    return {
      WEGWEISER_REMINDER_SCHEDULER: 'eventbridge',
      WEGWEISER_REMINDER_SCHEDULE_GROUP: this.group.scheduleGroupName,
      WEGWEISER_REMINDER_ROLE_ARN: this.invokeRole.roleArn,
    };
  }
}
