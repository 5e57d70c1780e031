import {
  CreateScheduleCommand,
  DeleteScheduleCommand,
  ResourceNotFoundException,
  type SchedulerClient,
  UpdateScheduleCommand,
} from '@aws-sdk/client-scheduler';
import { describe, expect, it } from 'vitest';
import { EventBridgeReminderScheduler } from './eventbridge-reminders';
import { ReminderEvent } from './schemas';

/** EventBridge Scheduler does not run locally: a stand-in client records the commands sent to it. */
function recordingClient(existing: Set<string>) {
  const sent: { name: string; input: Record<string, unknown> }[] = [];
  const client = {
    send: async (command: { constructor: { name: string }; input: Record<string, unknown> }) => {
      sent.push({ name: command.constructor.name, input: command.input });
      const name = String(command.input.Name);
      if (command instanceof CreateScheduleCommand) existing.add(name);
      if (
        (command instanceof UpdateScheduleCommand || command instanceof DeleteScheduleCommand) &&
        !existing.has(name)
      ) {
        throw new ResourceNotFoundException({
          message: 'no schedule',
          Message: 'no schedule',
          $metadata: {},
        });
      }
      if (command instanceof DeleteScheduleCommand) existing.delete(name);
      return {};
    },
  };
  return { client: client as unknown as SchedulerClient, sent };
}

const reminder = {
  roundId: '0b6f3c52-0a43-4d1e-9a8e-6a3f1b0c9d11',
  interviewId: '7d2e8f10-5c4b-4a39-8e21-3f6a9b0c1d22',
  startsAt: '2026-03-10T08:00:00.000Z',
  at: new Date('2026-03-09T08:00:00.000Z'),
};
const options = {
  scheduleGroup: 'reminders',
  roleArn: 'arn:aws:iam::123456789012:role/invoke',
  targetArn: () => 'arn:aws:lambda:eu-central-1:123456789012:function:interviews',
};

describe('EventBridge Scheduler reminders', () => {
  it('creates a one-time schedule that deletes itself and sends the reminder event to this function', async () => {
    const { client, sent } = recordingClient(new Set());
    await new EventBridgeReminderScheduler(client, options).schedule(reminder);

    expect(sent.map((command) => command.name)).toEqual(['UpdateScheduleCommand', 'CreateScheduleCommand']);
    const input = sent[1]?.input as {
      Name: string;
      GroupName: string;
      ScheduleExpression: string;
      ScheduleExpressionTimezone: string;
      ActionAfterCompletion: string;
      FlexibleTimeWindow: { Mode: string };
      Target: { Arn: string; RoleArn: string; Input: string };
    };
    expect(input).toMatchObject({
      Name: `interview-${reminder.interviewId}`,
      GroupName: 'reminders',
      ScheduleExpression: 'at(2026-03-09T08:00:00)',
      ScheduleExpressionTimezone: 'UTC',
      ActionAfterCompletion: 'DELETE',
      FlexibleTimeWindow: { Mode: 'OFF' },
      Target: { Arn: options.targetArn(), RoleArn: options.roleArn },
    });
    expect(ReminderEvent.parse(JSON.parse(input.Target.Input))).toEqual({
      source: 'wegweiser.interview-reminder',
      roundId: reminder.roundId,
      interviewId: reminder.interviewId,
      startsAt: reminder.startsAt,
    });
  });

  it('updates the schedule of a moved booking and deletes it with a cancelled one, even twice', async () => {
    const existing = new Set([`interview-${reminder.interviewId}`]);
    const { client, sent } = recordingClient(existing);
    const scheduler = new EventBridgeReminderScheduler(client, options);

    await scheduler.schedule({ ...reminder, at: new Date('2026-03-09T09:00:00.000Z') });
    await scheduler.cancel(reminder.interviewId);
    await scheduler.cancel(reminder.interviewId);

    expect(sent.map((command) => command.name)).toEqual([
      'UpdateScheduleCommand',
      'DeleteScheduleCommand',
      'DeleteScheduleCommand',
    ]);
    expect(sent[0]?.input.ScheduleExpression).toBe('at(2026-03-09T09:00:00)');
    expect(existing.size).toBe(0);
  });
});
