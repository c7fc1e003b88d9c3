import { useState, type FormEvent } from 'react';
import { signIn, type Session } from './signIn';

export function LoginScreen({ onSignedIn, notice, baseUrl = '' }: { onSignedIn: (s: Session) => void; notice?: string; baseUrl?: string }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    const result = await signIn({ username, password }, baseUrl);
    setBusy(false);
    if (result.kind === 'signed-in') onSignedIn(result.session);
    else setError(result.reason);
  }

  return (
    <main className="login">
      <form className="login-card" onSubmit={submit} aria-labelledby="login-title">
        <h1 id="login-title">MANO orchestrator</h1>
        <p className="muted">Sign in with your orchestrator account.</p>
        {notice && <p role="status" className="notice">{notice}</p>}
        <label>
          User name
          <input name="username" autoComplete="username" autoFocus required value={username}
            onChange={(e) => setUsername(e.target.value)} />
        </label>
        <label>
          Password
          <input name="password" type="password" autoComplete="current-password" required value={password}
            onChange={(e) => setPassword(e.target.value)} />
        </label>
        {error && <p role="alert" className="error-text">{error}</p>}
        <button type="submit" className="primary" disabled={busy}>{busy ? 'Signing in…' : 'Sign in'}</button>
      </form>
    </main>
  );
}
