import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { z } from 'zod';
import type { SiteInfo as SiteInfoSchema } from '../../functions/platform/schemas';
import { api } from './api';
import type { Loaded } from './load';

export type SiteInfo = z.infer<typeof SiteInfoSchema>;
export type CountyDetails = SiteInfo['county'];

export interface SiteState {
  site: Loaded<SiteInfo>;
  retry: () => void;
}

export function fetchSiteInfo(signal: AbortSignal): Promise<SiteInfo> {
  return api<SiteInfo>('/api/site', { signal });
}

/** The site details from `/api/site`, fetched once for every page. */
export const SiteContext = createContext<SiteState>({ site: { state: 'loading' }, retry: () => undefined });

export function useSite(): SiteState {
  return useContext(SiteContext);
}
