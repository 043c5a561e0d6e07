import { useEffect, useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { call } from '../api';
import { ProblemMessage, SelectField } from '../components';
import type { SessionInfo } from '../session';

interface Options {
  nodeCountry: string;
  devSignIn: boolean;
  oidc: boolean;
  countries: string[];
  roles: string[];
}

export function SignInScreen({ onSignedIn }: { onSignedIn: (session: SessionInfo) => void }) {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  const [options, setOptions] = useState<Options | null>(null);
  const [form, setForm] = useState({ country: '', role: 'ministry-officer', agencyId: '', name: '' });
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    call<Options>('GET', '/bff/session-options').then((o) => {
      setOptions(o);
      setForm((f) => ({ ...f, country: f.country || o.nodeCountry }));
    }, setError);
  }, []);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      onSignedIn(await call<SessionInfo>('POST', '/auth/dev-sign-in', { country: form.country, role: form.role, agencyId: form.agencyId || undefined, name: form.name || undefined }));
    } catch (e) {
      setError(e);
    }
  };
  return (
    <main id="main" className="sign-in">
      <h1>{t('signIn.title')}</h1>
      {options ? <p>{intl.formatMessage({ id: 'signIn.node' }, { country: options.nodeCountry })}</p> : null}
      <ProblemMessage error={error} />
      {options?.oidc ? (
        <p>
          <a className="button" href="/auth/login">
            {t('signIn.oidc')}
          </a>
        </p>
      ) : null}
      {options?.devSignIn ? (
        <form onSubmit={submit} className="form-grid">
          <p className="note">{t('signIn.devNote')}</p>
          <SelectField label={t('signIn.country')} value={form.country} options={options.countries} onChange={(country) => setForm({ ...form, country })} />
          <SelectField label={t('signIn.role')} value={form.role} options={options.roles} onChange={(role) => setForm({ ...form, role })} labelOf={(r) => t(`role.${r}`)} />
          <label>
            {t('signIn.agency')}
            <input value={form.agencyId} onChange={(e) => setForm({ ...form, agencyId: e.target.value })} />
          </label>
          <label>
            {t('signIn.name')}
            <input value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
          </label>
          <button type="submit">{t('signIn.submit')}</button>
        </form>
      ) : null}
    </main>
  );
}
