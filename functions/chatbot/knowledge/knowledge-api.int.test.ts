import { describe, expect, it } from 'vitest';
import { say as sendToBot } from '../../../local/testing/bot-client';
import { useSignedInStack } from '../../../local/testing/local-stack';

interface ConceptPageBody {
  language: string;
  sections: {
    section: string;
    entries: { id: string; title: string; answer: string; fallback: boolean }[];
  }[];
  milestones: { id: string; dateLabel: string; title: string; fallback: boolean }[];
  contact: string;
}

interface EntryView {
  id: string;
  texts: {
    language: string;
    version: number;
    state: string;
    texts?: { title: string; answer: string; questions: string[]; keywords: string[] };
  }[];
}

describe('concept page, staff knowledge editing and learning from gaps through the local server', () => {
  const stack = useSignedInStack('admin'); // editing the chatbot's knowledge is for admins only

  const call = async <T>(method: string, path: string, body?: unknown, headers = stack.staff) => {
    const response = await fetch(`${stack.url}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as T };
  };

  const say = (conversation: string, text: string, value?: Record<string, string>) =>
    sendToBot(stack.url, conversation, { text, ...(value ? { value } : {}) });

  it('serves the concept page in Arabic with every section anchor, the contact and the milestones newest first', async () => {
    const { status, body } = await call<ConceptPageBody>('GET', '/api/concept?lang=ar', undefined, {});
    expect(status).toBe(200);
    expect(body.language).toBe('ar');
    expect(body.sections.map((s) => s.section)).toEqual(
      expect.arrayContaining([
        'ziele',
        'steuerungskreis',
        'online-umfrage',
        'experteninterviews',
        'workshop',
        'stand',
        'kontakt',
      ]),
    );
    expect(body.sections.find((s) => s.section === 'ziele')?.entries.map((e) => e.id)).toEqual([
      'why',
      'goals',
    ]);
    expect(body.milestones.map((m) => m.id)).toEqual([
      'survey-evaluation-document',
      'workshop',
      'expert-interviews-evaluation',
      'online-survey-evaluation',
    ]);
    expect(body.milestones[3]?.title).toBe('تقييم الاستطلاع الإلكتروني');
    expect(body.contact).toContain('Integrationsbeauftragte');
  });

  it('refuses the staff knowledge API without a sign-in', async () => {
    const { status } = await call('GET', '/api/staff/knowledge', undefined, {});
    expect(status).toBe(401);
  });

  it('answers with a staff edit at once, refuses a stale edit, and lists the translations it makes outdated', async () => {
    const before = await call<EntryView>('GET', '/api/staff/knowledge/steering-committee');
    const german = before.body.texts.find((t) => t.language === 'de');
    expect(german?.version).toBe(0);
    const edited = {
      ...german?.texts,
      answer:
        'Der Steuerungskreis trifft sich jeden zweiten Dienstag im Landratsamt und legt die Struktur fest.',
      expectedVersion: 0,
    };
    const saved = await call<EntryView>('PUT', '/api/staff/knowledge/steering-committee/de', edited);
    expect(saved.status).toBe(200);
    expect(saved.body.texts.find((t) => t.language === 'de')?.version).toBe(1);
    const stale = await call<{ type: string }>('PUT', '/api/staff/knowledge/steering-committee/de', edited);
    expect(stale.status).toBe(409);

    const replies = await say('edit-check', 'Wer ist im Steuerungskreis?');
    expect(replies.at(-1)?.text).toContain('jeden zweiten Dienstag');

    const overview = await call<{
      translationsNeeded: { entryId: string; language: string; reason: string }[];
    }>('GET', '/api/staff/knowledge');
    expect(overview.body.translationsNeeded).toContainEqual({
      entryId: 'steering-committee',
      language: 'en',
      reason: 'outdated',
    });
  });

  it('adds an entry in German that the bot answers in Turkish with a note, and the concept page shows', async () => {
    const created = await call<EntryView>('POST', '/api/staff/knowledge', {
      id: 'office-hours',
      section: 'sprechzeiten',
      texts: {
        title: 'Sprechzeiten der Integrationsbeauftragten',
        answer: 'Die Integrationsbeauftragte ist dienstags und donnerstags von 9 bis 12 Uhr erreichbar.',
        questions: [
          'Wann hat die Integrationsbeauftragte Sprechzeiten?',
          'Wann ist die Integrationsbeauftragte erreichbar?',
          'Wann kann ich zur Sprechstunde kommen?',
          'Zu welchen Zeiten ist das Büro besetzt?',
        ],
        keywords: ['Sprechzeiten', 'Sprechstunde', 'erreichbar'],
      },
    });
    expect(created.status).toBe(201);
    const invalid = await call<{ errors: { field: string }[] }>('POST', '/api/staff/knowledge', {
      id: 'X',
      section: 's',
      texts: {},
    });
    expect(invalid.status).toBe(400);

    await say('new-entry', 'Türkçe');
    const replies = await say('new-entry', 'Sprechzeiten Integrationsbeauftragte');
    const answer = replies.at(-1);
    expect(answer?.locale).toBe('tr');
    expect(answer?.text).toContain('Bu yanıt henüz Türkçeye çevrilmedi');
    expect(answer?.text).toContain('dienstags und donnerstags');
    expect(answer?.text).toContain('/concept#sprechzeiten');

    const page = await call<ConceptPageBody>('GET', '/api/concept?lang=tr', undefined, {});
    const section = page.body.sections.find((s) => s.section === 'sprechzeiten');
    expect(section?.entries[0]).toMatchObject({ id: 'office-hours', fallback: true });
  });

  it('keeps milestones current: a new one appears on the page and in the bot\'s "where does it stand" answer', async () => {
    const saved = await call<{ version: number }>('PUT', '/api/staff/milestones/first-version', {
      date: '2026-10-15',
      texts: { de: { title: 'Erste Fassung vorgestellt', description: 'Im Kreistag.' } },
      expectedVersion: 0,
    });
    expect(saved.status).toBe(200);
    const page = await call<ConceptPageBody>('GET', '/api/concept?lang=en', undefined, {});
    expect(page.body.milestones[0]).toMatchObject({
      id: 'first-version',
      title: 'Erste Fassung vorgestellt',
      fallback: true,
    });
    expect(page.body.milestones[0]?.dateLabel).toBe('October 15, 2026');

    const replies = await say('status', 'Wo steht die Integrationskonzeption gerade?');
    expect(replies.at(-1)?.text).toMatch(/15\. Oktober 2026: Erste Fassung vorgestellt/);

    const removed = await call('DELETE', '/api/staff/milestones/workshop?expectedVersion=0');
    expect(removed.status).toBe(200);
    const list = await call<{ milestones: { id: string }[] }>('GET', '/api/staff/milestones');
    expect(list.body.milestones.map((m) => m.id)).not.toContain('workshop');
  });

  it('keeps an unanswered question redacted for staff, and counts a rating per entry', async () => {
    await say('gap', 'Hallo');
    await say('gap', 'Mein Name ist Olga Petrova, wann fährt der Bus nach Ochsenfurt? olga@example.org');
    const listed = await call<{ questions: { questionId: string; text: string; reviewed: boolean }[] }>(
      'GET',
      '/api/staff/unanswered',
    );
    const question = listed.body.questions[0];
    expect(question?.text).toBe('Mein Name ist [name], wann fährt der Bus nach Ochsenfurt? [email]');
    const reviewed = await call<{ reviewed: boolean }>(
      'POST',
      `/api/staff/unanswered/${question?.questionId}/reviewed`,
    );
    expect(reviewed.body.reviewed).toBe(true);
    expect((await call('DELETE', `/api/staff/unanswered/${question?.questionId}`)).status).toBe(200);
    expect((await call('DELETE', `/api/staff/unanswered/${question?.questionId}`)).status).toBe(404);

    const answered = await say('rate', 'Wann war der Workshop-Nachmittag?');
    const notHelpful = answered.at(-1)?.suggestedActions?.actions.find((a) => a.value.helpful === 'no');
    expect(notHelpful).toBeDefined();
    await say('rate', notHelpful?.title ?? '', notHelpful?.value);
    const feedback = await call<{ rows: { subject: string; helpful: number; notHelpful: number }[] }>(
      'GET',
      '/api/staff/knowledge-feedback',
    );
    expect(feedback.body.rows).toContainEqual(
      expect.objectContaining({ subject: 'workshop', helpful: 0, notHelpful: 1 }),
    );
  });
});
