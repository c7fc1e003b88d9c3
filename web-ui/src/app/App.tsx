import { useEffect, useState } from 'react';
import { LoginScreen } from '../auth/LoginScreen';
import type { Session } from '../auth/signIn';
import { CatalogScreen } from '../catalog/CatalogScreen';
import { ChainsScreen } from '../chains/ChainsScreen';
import { HostsScreen } from '../hosts/HostsScreen';
import { MetricsScreen } from '../metrics/MetricsScreen';
import { OperationsScreen } from '../operations/OperationsScreen';
import { screenFromHash, screens, type ScreenId } from './routes';

export function App() {
  const [session, setSession] = useState<Session>();
  const [notice, setNotice] = useState<string>();

  function signedIn(s: Session) {
    // A 401 after sign-in: the token expired (1 h) or the account went away.
    s.api.onUnauthorized = () => {
      setSession(undefined);
      setNotice('Your session ended; sign in again.');
    };
    setNotice(undefined);
    setSession(s);
  }
  const [screen, setScreen] = useState<ScreenId>(() => screenFromHash(window.location.hash));

  useEffect(() => {
    const follow = () => setScreen(screenFromHash(window.location.hash));
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);

  if (!session) return <LoginScreen onSignedIn={signedIn} notice={notice} />;

  return (
    <div className="shell">
      <a className="skip-link" href="#main">Skip to content</a>
      <header className="topbar">
        <span className="brand">MANO</span>
        <nav aria-label="Screens">
          <ul>
            {screens.map((s) => (
              <li key={s.id}>
                <a href={`#/${s.id}`} aria-current={s.id === screen ? 'page' : undefined}>{s.label}</a>
              </li>
            ))}
          </ul>
        </nav>
        <span className="user">
          {session.username} · <span title={session.roleKnown ? undefined : 'inferred from what this user may read'}>{session.role.toLowerCase()}</span>
          <button className="link" onClick={() => setSession(undefined)}>Sign out</button>
        </span>
      </header>
      <main id="main" tabIndex={-1}>
        {screen === 'catalog' && <CatalogScreen session={session} />}
        {screen === 'chains' && <ChainsScreen session={session} />}
        {screen === 'operations' && <OperationsScreen session={session} />}
        {screen === 'hosts' && <HostsScreen session={session} />}
        {screen === 'metrics' && <MetricsScreen session={session} />}
      </main>
    </div>
  );
}
