import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
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

/** The languages the site offers: the API's list, the same module's list while it is unavailable. */
function useOfferedLanguages() {
  const { site } = useSite();
  return site.state === 'ready' ? site.data.languages : builtInLanguages;
}

/**
 * The language links: each a real `?lang=` link (it works without script and in a new tab), named in
 * its own language and direction; a plain click switches in place and keeps the page's state.
 */
function LanguageLinks(props: { onChosen?: () => void }) {
  const { language } = useI18n();
  const changeLanguage = useChangeLanguage();
  const { pathname } = useLocation();
  const offered = useOfferedLanguages();
  return (
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
              props.onChosen?.();
            }}
          >
            {option.endonym}
          </a>
        </li>
      ))}
    </ul>
  );
}

/** The language list as a row of links, for wide screens. */
function LanguageSwitch() {
  const { t } = useI18n();
  return (
    <nav class="language-switch" aria-label={t('app.languageSwitch')}>
      <LanguageLinks />
    </nav>
  );
}

/**
 * A header menu on phones: a native disclosure (`<details>`), so it opens by touch, keyboard and
 * screen reader without any script, and the summary announces expanded/collapsed by itself. The shared
 * `name` lets only one of the header's menus be open at a time, also without script. Script adds what
 * a menu is expected to do beyond that: Escape and a tap outside close it, and it closes after a
 * choice (the page stays mounted on a client-side navigation, so it would otherwise stay open).
 */
function HeaderMenu(props: {
  class: string;
  summary: ComponentChildren;
  children: (close: (returnFocus: boolean) => void) => ComponentChildren;
}) {
  const details = useRef<HTMLDetailsElement>(null);
  const { pathname } = useLocation();
  const close = (returnFocus: boolean) => {
    const element = details.current;
    if (!element?.open) return;
    element.open = false;
    if (returnFocus) element.querySelector('summary')?.focus();
  };
  // A navigation to another page closes the menu; the new page's heading takes the focus.
  useEffect(() => {
    if (details.current) details.current.open = false;
  }, [pathname]);
  useEffect(() => {
    const outside = (event: PointerEvent) => {
      const element = details.current;
      if (element?.open && event.target instanceof Node && !element.contains(event.target))
        element.open = false;
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, []);
  return (
    <details
      ref={details}
      name="site-header-menu"
      class={`header-menu ${props.class}`}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && details.current?.open) {
          event.preventDefault();
          close(true);
        }
      }}
    >
      <summary class="header-menu__button">{props.summary}</summary>
      <div class="header-menu__panel">{props.children(close)}</div>
    </details>
  );
}

/** The compact header's two menus: the current language's own name, and the main navigation. */
function CompactMenus() {
  const { t, language } = useI18n();
  const offered = useOfferedLanguages();
  const current = offered.find((option) => option.code === language);
  return (
    <div class="header-menus">
      <HeaderMenu
        class="header-menu--languages"
        summary={
          <>
            <svg class="header-menu__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
              <circle cx="12" cy="12" r="9" />
              <path d="M3 12h18M12 3c2.5 2.6 3.8 5.6 3.8 9s-1.3 6.4-3.8 9c-2.5-2.6-3.8-5.6-3.8-9S9.5 5.6 12 3z" />
            </svg>
            <span lang={language} dir={current?.dir}>
              {current?.endonym ?? language}
            </span>
            <span class="visually-hidden">{` – ${t('app.languageSwitch')}`}</span>
          </>
        }
      >
        {(close) => (
          <nav aria-label={t('app.languageSwitch')}>
            <LanguageLinks onChosen={() => close(true)} />
          </nav>
        )}
      </HeaderMenu>
      <HeaderMenu
        class="header-menu--navigation"
        summary={
          <>
            <svg class="header-menu__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
              <path d="M4 6h16M4 12h16M4 18h16" />
            </svg>
            <span>{t('phone.menu')}</span>
          </>
        }
      >
        {() => <NavList links={mainNavigation} label={t('app.mainNavigation')} class="compact-nav" />}
      </HeaderMenu>
    </div>
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

/**
 * Every page's frame: skip link, header with site name, languages and main navigation, footer. Wide
 * screens show the language list and the navigation bar; phones show the same links behind two menu
 * buttons instead. Both are rendered and CSS shows one (`display: none` also hides the other from
 * assistive technology), so no landmark is ever there twice.
 */
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
            <CompactMenus />
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
