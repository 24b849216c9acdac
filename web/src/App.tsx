import { lazy, Suspense } from 'react';
import { SignIn } from './components/SignIn';
import { Status } from './components/Status';
import { useI18n } from './i18n';
import { Link, useLocation } from './lib/router';
import { WhoWorksWith } from './views/WhoWorksWith';

// Every view but the first is its own chunk: the first page loads React and the search only.
const Overlaps = lazy(() => import('./views/Overlaps'));
const Gaps = lazy(() => import('./views/Gaps'));
const Duplicates = lazy(() => import('./views/Duplicates'));
const UnitView = lazy(() => import('./views/UnitView'));
const CollaborationView = lazy(() => import('./views/CollaborationView'));
const Import = lazy(() => import('./views/Import'));

function Page({ location }: { location: URL }) {
  const { t } = useI18n();
  const path = location.pathname;
  const unit = /^\/units\/([^/]+)$/.exec(path);
  const collaboration = /^\/collaborations\/([^/]+)$/.exec(path);
  if (path === '/') return <WhoWorksWith params={location.searchParams} />;
  if (path === '/overlaps') return <Overlaps params={location.searchParams} />;
  if (path === '/gaps') return <Gaps params={location.searchParams} />;
  if (path === '/duplicates') return <Duplicates params={location.searchParams} />;
  if (path === '/import') return <Import />;
  if (unit) return <UnitView unitKey={decodeURIComponent(unit[1]!)} />;
  if (collaboration) return <CollaborationView collaborationKey={decodeURIComponent(collaboration[1]!)} />;
  return <p>{t.notFoundPage}</p>;
}

export function App() {
  const { t, lang, setLang } = useI18n();
  const location = useLocation();
  const current = (path: string) => (location.pathname === path ? 'page' : undefined);
  return (
    <>
      <a className="skip" href="#main">
        {t.skipToContent}
      </a>
      <header className="top">
        <div className="brand">
          <Link to="/">{t.appTitle}</Link>
        </div>
        <nav aria-label={t.nav.label}>
          <ul>
            <li>
              <Link to="/" aria-current={current('/')}>
                {t.nav.who}
              </Link>
            </li>
            <li>
              <Link to="/overlaps" aria-current={current('/overlaps')}>
                {t.nav.overlaps}
              </Link>
            </li>
            <li>
              <Link to="/gaps" aria-current={current('/gaps')}>
                {t.nav.gaps}
              </Link>
            </li>
            <li>
              <Link to="/duplicates" aria-current={current('/duplicates')}>
                {t.nav.duplicates}
              </Link>
            </li>
            <li>
              <Link to="/import" aria-current={current('/import')}>
                {t.nav.importing}
              </Link>
            </li>
            <li>
              <a href="/graphql">{t.nav.graphql}</a>
            </li>
          </ul>
        </nav>
        <div className="tools">
          <button type="button" lang={t.language.switchToLang} onClick={() => setLang(lang === 'nb' ? 'en' : 'nb')} data-testid="language">
            {t.language.switchTo}
          </button>
          <SignIn />
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<Status loading error={null} />}>
          <Page location={location} />
        </Suspense>
      </main>
    </>
  );
}
