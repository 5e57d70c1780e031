import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { useI18n } from './i18n';
import { takeHeadingFocus } from './router';

/**
 * The page's one `h1`, which also names the browser tab. After a client-side navigation it takes the
 * focus (screen readers announce the new page, keyboard users continue from its start), as a full page
 * load would. `documentTitle` lets a page name the tab more precisely than its heading.
 */
export function PageHeading(props: { children: string; documentTitle?: string }) {
  const { t, language } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  const title = props.documentTitle ?? props.children;
  useEffect(() => {
    document.title = `${title} – ${t('app.name')}`;
  }, [title, t, language]);
  useEffect(() => {
    if (takeHeadingFocus()) heading.current?.focus();
  }, []);
  return (
    <h1 ref={heading} tabIndex={-1} id="page-heading">
      {props.children}
    </h1>
  );
}

/** A standard page: its heading and its content, each page in the same frame. */
export function Page(props: {
  title: string;
  documentTitle?: string;
  children?: ComponentChildren;
  wide?: boolean;
}) {
  return (
    <div class={props.wide ? 'page page--wide' : 'page'}>
      <PageHeading {...(props.documentTitle ? { documentTitle: props.documentTitle } : {})}>
        {props.title}
      </PageHeading>
      {props.children}
    </div>
  );
}
