import {
  ActionAfterCompletion,
  CreateScheduleCommand,
  DeleteScheduleCommand,
  FlexibleTimeWindowMode,
  ResourceNotFoundException,
  type SchedulerClient,
  UpdateScheduleCommand,
} from '@aws-sdk/client-scheduler';
import type { ReminderScheduler, ScheduledReminder } from './reminders';
import { reminderEventOf } from './reminders';

export interface EventBridgeReminderOptions {
  scheduleGroup: string;
  /** The role EventBridge Scheduler assumes to invoke the function. */
  roleArn: string;
  /** The function to invoke: this one. Known from the invocation, see `index.ts`. */
  targetArn: () => string;
}

/** `at(2026-03-10T08:00:00)`: one-time schedules take a UTC time without zone or milliseconds. */
export function atExpression(at: Date): string {
  return `at(${at.toISOString().slice(0, 19)})`;
}

/** One EventBridge Scheduler one-time schedule per interview, deleted by Scheduler once it has run. */
export class EventBridgeReminderScheduler implements ReminderScheduler {
  constructor(
    private readonly client: SchedulerClient,
    private readonly options: EventBridgeReminderOptions,
  ) {}

  private name(interviewId: string): string {
    return `interview-${interviewId}`;
  }

  async schedule(reminder: ScheduledReminder): Promise<void> {
    const input = {
      Name: this.name(reminder.interviewId),
      GroupName: this.options.scheduleGroup,
      ScheduleExpression: atExpression(reminder.at),
      ScheduleExpressionTimezone: 'UTC',
      FlexibleTimeWindow: { Mode: FlexibleTimeWindowMode.OFF },
      ActionAfterCompletion: ActionAfterCompletion.DELETE,
      Target: {
        Arn: this.options.targetArn(),
        RoleArn: this.options.roleArn,
        Input: JSON.stringify(reminderEventOf(reminder)),
        RetryPolicy: { MaximumRetryAttempts: 10, MaximumEventAgeInSeconds: 3600 },
      },
    };
    // A moved booking updates its schedule; a first booking (or one whose schedule already ran) creates it.
    try {
      await this.client.send(new UpdateScheduleCommand(input));
    } catch (error) {
      if (!(error instanceof ResourceNotFoundException)) throw error;
      await this.client.send(new CreateScheduleCommand(input));
    }
  }

  async cancel(interviewId: string): Promise<void> {
    try {
      await this.client.send(
        new DeleteScheduleCommand({ Name: this.name(interviewId), GroupName: this.options.scheduleGroup }),
      );
    } catch (error) {
      if (!(error instanceof ResourceNotFoundException)) throw error;
    }
  }
}
