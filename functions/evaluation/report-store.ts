import { z } from 'zod';
import { DomainError } from '../shared/domain/errors';
import { languageCodes } from '../shared/i18n/languages';
import { keys } from '../shared/store/keys';
import type { Store } from '../shared/store/store';
import type { Publication, ReportStore } from './publishing';
import { EvaluationReport, ReportSectionId, type ReportTexts } from './schemas';

const TextsItem = z.object({
  texts: z.partialRecord(ReportSectionId, z.string()),
  updatedAt: z.string(),
  version: z.number().int(),
});

const PublicationItem = z.object({
  publicationId: z.string(),
  surveyId: z.string(),
  publishedAt: z.string(),
  title: z.string(),
  report: EvaluationReport,
  summaries: z.record(z.enum(languageCodes), z.string()),
});

/** The report's texts and publications on the single table: Get and Query only. */
export class DynamoReportStore implements ReportStore {
  constructor(private readonly store: Store) {}

  async texts(surveyId: string): Promise<ReportTexts> {
    const item = await this.store.get(keys.reportTexts(surveyId), TextsItem);
    return item ? { version: item.version, texts: item.texts } : { version: 0, texts: {} };
  }

  async saveTexts(
    surveyId: string,
    texts: ReportTexts['texts'],
    expectedVersion: number,
    savedAt: string,
  ): Promise<ReportTexts> {
    const item = { ...keys.reportTexts(surveyId), texts, updatedAt: savedAt };
    if (expectedVersion === 0) {
      // The first save creates the item; a second "first" save loses the race like a stale version.
      try {
        await this.store.create(item);
      } catch (error) {
        if (error instanceof DomainError && error.code === 'conflict') {
          throw new DomainError('version_conflict', 'report texts exist');
        }
        throw error;
      }
      return { version: 1, texts };
    }
    const version = await this.store.putVersioned(item, expectedVersion);
    return { version, texts };
  }

  async createPublication(publication: Publication): Promise<void> {
    await this.store.create({
      ...keys.evaluationPublication(publication.publicationId),
      ...keys.evaluationPublicationIndexes(
        publication.surveyId,
        publication.publishedAt,
        publication.publicationId,
      ),
      ...publication,
    });
  }

  async publication(publicationId: string): Promise<Publication | undefined> {
    return this.store.get(keys.evaluationPublication(publicationId), PublicationItem);
  }

  async publications(limit: number): Promise<Publication[]> {
    const page = await this.store.query(PublicationItem, {
      partition: keys.evaluationPublicationsPartition(),
      index: 'gsi1',
      newestFirst: true,
      limit,
    });
    return page.items;
  }

  async publicationsOfSurvey(surveyId: string): Promise<Publication[]> {
    return this.store.queryAll(PublicationItem, {
      partition: keys.evaluationPublicationsOfSurvey(surveyId),
      index: 'gsi2',
      newestFirst: true,
    });
  }
}
