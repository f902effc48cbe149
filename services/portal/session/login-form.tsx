'use client';
import { ReactNode, useActionState } from 'react';
import { FormState, logIn } from './session-actions';

export interface LoginFormText {
  email: string;
  password: string;
  submit: string;
}

/**
 * The log-in form: a server action, so it works without JavaScript (the page re-renders with the
 * result); errors are announced (role=alert) and linked to their field (aria-describedby).
 */
export function LoginForm({
  locale,
  next,
  csrf,
  text,
}: {
  locale: string;
  next: string;
  csrf: ReactNode;
  text: LoginFormText;
}) {
  const [state, action, pending] = useActionState<FormState, FormData>(logIn, {});
  const error = (field: string) => state.fieldErrors?.[field];
  return (
    <form action={action} className="form" noValidate>
      {state.message ? (
        <div className="form-error" role="alert" id="login-error">
          {state.message}
        </div>
      ) : null}
      {csrf}
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="next" value={next} />
      <div className="field">
        <label htmlFor="email">{text.email}</label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          dir="ltr"
          required
          defaultValue={state.values?.email ?? ''}
          aria-invalid={error('email') || state.message ? true : undefined}
          aria-describedby={error('email') ? 'email-error' : state.message ? 'login-error' : undefined}
        />
        {error('email') ? (
          <p className="field-error" id="email-error">
            {error('email')}
          </p>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor="password">{text.password}</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          dir="ltr"
          required
          aria-invalid={error('password') ? true : undefined}
          aria-describedby={error('password') ? 'password-error' : undefined}
        />
        {error('password') ? (
          <p className="field-error" id="password-error">
            {error('password')}
          </p>
        ) : null}
      </div>
      <button type="submit" className="button" disabled={pending}>
        {text.submit}
      </button>
    </form>
  );
}
