import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { languageCodes } from '../../shared/i18n/languages';
import { keys } from '../../shared/store/keys';
import type { Page, Store } from '../../shared/store/store';
import type { AnswerRating, FeedbackCount, LearningStorePort, UnansweredQuestion } from './learning';

const FeedbackItem = z.object({
  subject: z.string(),
  language: z.enum(languageCodes),
  day: z.string(),
  helpful: z.number().int().default(0),
  notHelpful: z.number().int().default(0),
});

const QuestionItem = z.object({
  questionId: z.string(),
  text: z.string(),
  language: z.enum(languageCodes),
  receivedAt: z.string(),
  closest: z.array(z.string()),
  reviewed: z.boolean(),
  expiresAt: z.number().int(),
});

/** Ratings (counts only) and redacted unanswered questions in the single table. */
export class LearningStore implements LearningStorePort {
  constructor(private readonly store: Store) {}

  async countRating(rating: AnswerRating, expiresAt: number): Promise<void> {
    // One counter item per subject, day and language: an atomic ADD, so concurrent ratings never clash.
    await this.store.client.send(
      new UpdateCommand({
        TableName: this.store.tableName,
        Key: keys.answerFeedback(rating.subject, rating.day, rating.language),
        UpdateExpression:
          'SET entity = :entity, subject = :subject, #day = :day, #language = :language, expiresAt = :expiresAt ADD #counter :one',
        ExpressionAttributeNames: {
          '#day': 'day',
          '#language': 'language',
          '#counter': rating.helpful ? 'helpful' : 'notHelpful',
        },
        ExpressionAttributeValues: {
          ':entity': 'AnswerFeedback',
          ':subject': rating.subject,
          ':day': rating.day,
          ':language': rating.language,
          ':expiresAt': expiresAt,
          ':one': 1,
        },
      }),
    );
  }

  async feedbackCounts(): Promise<FeedbackCount[]> {
    const counts: FeedbackCount[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.store.query(FeedbackItem, {
        partition: keys.answerFeedbackPartition(),
        ...(cursor ? { cursor } : {}),
      });
      counts.push(...page.items);
      cursor = page.cursor;
    } while (cursor);
    return counts;
  }

  async keepQuestion(question: UnansweredQuestion): Promise<void> {
    await this.store.create({
      ...keys.unansweredQuestion(question.questionId),
      entity: 'UnansweredQuestion',
      ...question,
    });
  }

  async questions(options: {
    limit: number;
    cursor?: string | undefined;
  }): Promise<Page<UnansweredQuestion>> {
    return this.store.query(QuestionItem, {
      partition: keys.unansweredPartition(),
      beginsWith: keys.unansweredPrefix(),
      newestFirst: true,
      limit: options.limit,
      ...(options.cursor ? { cursor: options.cursor } : {}),
    });
  }

  async question(questionId: string): Promise<UnansweredQuestion | undefined> {
    return this.store.get(keys.unansweredQuestion(questionId), QuestionItem);
  }

  async markReviewed(questionId: string): Promise<void> {
    await this.store.update(keys.unansweredQuestion(questionId), { reviewed: true }, { mustExist: true });
  }

  async deleteQuestion(questionId: string): Promise<void> {
    await this.store.delete(keys.unansweredQuestion(questionId));
  }
}
