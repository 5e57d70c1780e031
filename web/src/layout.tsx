import type { ComponentChildren } from 'preact';
import { languages as builtInLanguages, type Language } from '../../functions/shared/i18n/languages';
import type { MessageKey } from '../../functions/shared/i18n/messages';
import { useChangeLanguage, useI18n } from './i18n';
import { useLocation } from './router';
import { useSite } from './site';

interface NavLink {
  href: string;
  label: MessageKey;
  localOnly?: boolean;
}

export const mainNavigation: readonly NavLink[] = [
  { href: '/', label: 'nav.home' },
  { href: '/chat', label: 'nav.chat' },
  { href: '/offerings', label: 'nav.offerings' },
  { href: '/concept', label: 'nav.concept' },
  { href: '/survey', label: 'nav.survey' },
  { href: '/staff', label: 'nav.staff' },
];

export const footerNavigation: readonly NavLink[] = [
  { href: '/imprint', label: 'nav.imprint' },
  { href: '/privacy', label: 'nav.privacy' },
  { href: '/accessibility', label: 'nav.accessibility' },
  { href: '/api-reference', label: 'nav.apiReference' },
  { href: '/dev/outbox', label: 'nav.outbox', localOnly: true },
];

/** The section of the site a path belongs to (`/staff/callback` → `/staff`), for `aria-current`. */
function isCurrent(href: string, pathname: string): boolean {
  return href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`);
}

function LanguageSwitch() {
  const { t, language } = useI18n();
  const changeLanguage = useChangeLanguage();
  const { site } = useSite();
  const { pathname } = useLocation();
  // The API's list is the one to show; the same module's list stands in while it is unavailable.
  const offered = site.state === 'ready' ? site.data.languages : builtInLanguages;
  return (
    <nav class="language-switch" aria-label={t('app.languageSwitch')}>
      <ul>
        {offered.map((option) => (
          <li key={option.code}>
            <a
              href={`${pathname}?lang=${option.code}`}
              lang={option.code}
              hreflang={option.code}
              dir={option.dir}
              aria-current={option.code === language ? 'true' : undefined}
              onClick={(event) => {
                event.preventDefault();
                changeLanguage(option.code as Language);
              }}
            >
              {option.endonym}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function NavList(props: { links: readonly NavLink[]; label: string; class: string }) {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const { site } = useSite();
  const isLocal = site.state === 'ready' && site.data.stage === 'local';
  return (
    <nav class={props.class} aria-label={props.label}>
      <ul>
        {props.links
          .filter((link) => !link.localOnly || isLocal)
          .map((link) => (
            <li key={link.href}>
              <a href={link.href} aria-current={isCurrent(link.href, pathname) ? 'page' : undefined}>
                {t(link.label)}
              </a>
            </li>
          ))}
      </ul>
    </nav>
  );
}

/** Every page's frame: skip link, header with site name, languages and main navigation, footer. */
export function Layout(props: { children: ComponentChildren }) {
  const { t } = useI18n();
  const { site } = useSite();
  const isLocal = site.state === 'ready' && site.data.stage === 'local';
  return (
    <>
      <a class="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header class="site-header">
        <div class="site-header__top">
          <div class="site-header__inner">
            <a class="site-name" href="/">
              <span class="site-name__mark" aria-hidden="true" />
              <span class="site-name__text">
                <span class="site-name__title">{t('app.name')}</span>
                <span class="site-name__tagline">{t('app.tagline')}</span>
              </span>
            </a>
            <LanguageSwitch />
          </div>
        </div>
        {isLocal && (
          <p class="stage-badge">
            <span>{t('app.localStageBadge')}</span>
          </p>
        )}
        <div class="site-header__nav">
          <NavList
            links={mainNavigation}
            label={t('app.mainNavigation')}
            class="main-nav site-header__inner"
          />
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {props.children}
      </main>
      <footer class="site-footer">
        <div class="site-footer__inner">
          <NavList links={footerNavigation} label={t('app.footerNavigation')} class="footer-nav" />
          <p class="site-footer__owner">
            {site.state === 'ready' ? site.data.county.authority : t('app.tagline')}
          </p>
        </div>
      </footer>
    </>
  );
}
