import type { PublicOffering } from '../../offerings/schemas';

/** A published German course in Ochsenfurt, as the directory gives it to the bot; tests change what they test. */
export function sampleOffering(changes: Partial<PublicOffering> = {}): PublicOffering {
  return {
    offeringId: '0b6f3c1e-5d0a-4a4e-9a55-2f1c3b8d7e61',
    title: 'Deutschkurs am Vormittag',
    description: 'Deutsch lernen in kleinen Gruppen.',
    textLanguage: 'de',
    category: 'language_courses',
    targetGroups: ['adults'],
    languages: ['de'],
    places: ['ochsenfurt'],
    address: 'Hauptstraße 1, 97199 Ochsenfurt',
    schedule: 'dienstags 9 bis 11 Uhr',
    cost: 'free',
    costNote: '',
    registration: '',
    officeContact: '',
    url: '',
    institutionName: 'Volkshochschule',
    reportedAt: '2026-10-01T00:00:00Z',
    lastConfirmedAt: '2026-10-01T00:00:00Z',
    ...changes,
  };
}
