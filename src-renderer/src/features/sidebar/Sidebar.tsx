import type { NotebookInfo } from '@contract';
import type { Theme } from '../../app/theme';
import type { Route } from '../../app/use-route';
import { routeHash } from '../../app/use-route';
import { views } from '../../app/views';

type Props = {
  info: NotebookInfo | null;
  theme: Theme;
  onToggleTheme: () => void;
  mode: 'desktop' | 'web' | null;
  route: Route;
  children?: React.ReactNode;
};

export function Sidebar({ info, theme, onToggleTheme, mode, route, children }: Props) {
  return (
    <nav className="pane sidebar" aria-label="Notebook">
      <div className="sidebar__brand">
        <span className="sidebar__logo" aria-hidden="true">
          ◐
        </span>
        <span className="sidebar__name">Parallax</span>
        <button
          type="button"
          className="icon-button"
          onClick={onToggleTheme}
          aria-label={theme === 'dark' ? 'Switch to light theme' : 'Switch to dark theme'}
          title={theme === 'dark' ? 'Light theme' : 'Dark theme'}
        >
          {theme === 'dark' ? '☀' : '☾'}
        </button>
      </div>
      <ul className="sidebar__nav">
        <li>
          <a className="sidebar__link" aria-current={route.view === 'library' ? 'page' : undefined} href="#/">
            <span>All articles</span>
            <span className="badge">{info ? info.articleCount.toLocaleString() : '…'}</span>
          </a>
        </li>
        {Object.entries(views)
          .filter(([, v]) => v.sidebar)
          .map(([name, v]) => (
            <li key={name}>
              <a className="sidebar__link" aria-current={route.view === name ? 'page' : undefined} href={routeHash(name)}>
                <span>{v.label}</span>
              </a>
              {v.sidebarExtra?.({ route })}
            </li>
          ))}
      </ul>
      {children}
      <footer className="sidebar__footer">
        {info?.notice && (
          <p className="sidebar__warning" role="alert">
            {info.readOnly ? `Read-only: ${info.notice}` : info.notice}
          </p>
        )}
        <p title={info?.path}>{info ? `Notebook: ${info.path}` : ''}</p>
        <p>{mode === 'web' ? 'Web mode (loopback only)' : mode === 'desktop' ? 'Desktop' : ''}</p>
      </footer>
    </nav>
  );
}
