import type { z } from 'zod';
import type {
  OwnRegistration,
  PublicWorkshop,
  RegisterRequest,
  RegistrationResult,
  WorkshopInvitationView,
} from '../../../../functions/workshops/schemas';
import { api } from '../../api';

export type Workshop = z.infer<typeof PublicWorkshop>;
export type Registration = z.infer<typeof OwnRegistration>;
export type Registered = z.infer<typeof RegistrationResult>;

const id = encodeURIComponent;

/** The public workshop API, as the pages call it (typed by the route table's schemas). */
export const workshopApi = {
  workshop: (workshopId: string, signal?: AbortSignal) =>
    api<Workshop>(`/api/workshops/${id(workshopId)}`, { signal }),
  invitation: (workshopId: string, token: string, signal?: AbortSignal) =>
    api<z.infer<typeof WorkshopInvitationView>>(`/api/workshops/${id(workshopId)}/invitation`, {
      signal,
      linkToken: token,
    }),
  register: (workshopId: string, body: z.input<typeof RegisterRequest>) =>
    api<Registered>(`/api/workshops/${id(workshopId)}/registrations`, { method: 'POST', body }),
  registration: (token: string, signal?: AbortSignal) =>
    api<Registration>('/api/workshop-registrations/current', { signal, linkToken: token }),
  cancel: (token: string) =>
    api<Registration>('/api/workshop-registrations/current/cancel', { method: 'POST', linkToken: token }),
};
