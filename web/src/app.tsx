import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { isLanguage, type Language } from '../../functions/shared/i18n/languages';
import type { Messages } from '../../functions/shared/i18n/messages';
import {
  applyLanguage,
  createTranslator,
  I18nContext,
  LanguageChangeContext,
  loadTexts,
  setActiveLanguage,
} from './i18n';
import { Layout } from './layout';
import { useLoad } from './load';
import { NotFoundPage } from './pages/not-found/not-found-page';
import { matchRoute, useLocation } from './router';
import { pageRoutes } from './routes';
import { fetchSiteInfo, SiteContext } from './site';

export interface AppProps {
  language: Language;
  texts: Messages | undefined;
}

export function App(props: AppProps) {
  const [translator, setTranslator] = useState(() => createTranslator(props.language, props.texts));
  const location = useLocation();
  const [site, retrySite] = useLoad('site', fetchSiteInfo);

  const changeLanguage = useCallback(async (language: Language) => {
    const texts = await loadTexts(language).catch(() => undefined);
    setActiveLanguage(language);
    applyLanguage(language);
    setTranslator(createTranslator(language, texts));
  }, []);

  // A navigation (a link, back/forward) to an address with another `?lang=` switches the language too.
  // Dependencies on purpose: runs per navigation; reads the address as it is now.
  useEffect(() => {
    const requested = new URLSearchParams(window.location.search).get('lang') ?? undefined;
    if (isLanguage(requested) && requested !== translator.language) void changeLanguage(requested);
  }, [location.navigation]);

  const { route, params } = matchRoute(pageRoutes, location.pathname);
  const CurrentPage = route?.page ?? NotFoundPage;
  const siteState = useMemo(() => ({ site, retry: retrySite }), [site, retrySite]);

  return (
    <I18nContext.Provider value={translator}>
      <LanguageChangeContext.Provider value={changeLanguage}>
        <SiteContext.Provider value={siteState}>
          <Layout>
            {/* Keyed by path: a new page mounts afresh, so its heading takes the focus. */}
            <CurrentPage key={location.pathname} params={params} />
          </Layout>
        </SiteContext.Provider>
      </LanguageChangeContext.Provider>
    </I18nContext.Provider>
  );
}
