'use server';
import { GatewayError } from '../../gateway/gateway-error';
import { gateway } from '../../gateway/gateway-client';
import { Locale } from '../../i18n/locales';
import { translator } from '../../i18n/translator';
import { verifyCsrf } from '../../session/verify-csrf';
import type { CitizenFormState } from './citizen-form-state';
import { formLocale, formText } from './form-input';
import { expiredFormState, failureState } from './form-outcome';
import { sendToGateway } from './gateway-send';
import type { SimilarIdea } from './similar-idea';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function similarTo(locale: Locale, cycleId: string, text: string, except?: string): Promise<SimilarIdea[]> {
  if (!UUID.test(cycleId) || text.trim().length < 3) return [];
  const api = await gateway.public(locale);
  const found = await api
    .get<SimilarIdea[]>('/cycles/{id}/ideas/similar', { path: { id: cycleId }, query: { text: text.slice(0, 2000) } })
    .catch((e: unknown) => {
      if (e instanceof GatewayError) return [];
      throw e;
    });
  return found.filter((i) => i.id !== except).slice(0, 5);
}

/**
 * Submits an idea (or, with intent=check, only looks for similar ones, writing nothing). The similar
 * ideas are shown with the outcome, so a visitor without JavaScript sees them too.
 */
export async function submitIdea(_state: CitizenFormState, form: FormData): Promise<CitizenFormState> {
  const locale = formLocale(form);
  const t = translator(locale);
  const cycleId = formText(form, 'cycleId', 40);
  const values = {
    themeId: formText(form, 'themeId', 40),
    title: formText(form, 'title', 400),
    body: formText(form, 'body', 6000),
    anonymous: form.get('anonymous') === 'true' ? 'true' : '',
  };
  if (!(await verifyCsrf(form))) return expiredFormState(locale, values);
  const similarLinks = (ideas: SimilarIdea[]) =>
    ideas.map((i) => ({ href: `/${locale}/cycles/${cycleId}/ideas/${i.id}`, label: i.title }));

  if (form.get('intent') === 'check') {
    const similar = await similarTo(locale, cycleId, `${values.title} ${values.body}`);
    return {
      values,
      done: similar.length ? t('citizen.idea.similarFound', { count: similar.length }) : t('citizen.idea.noSimilar'),
      links: similarLinks(similar),
    };
  }
  const fieldErrors: Record<string, string> = {};
  if (!values.themeId) fieldErrors.themeId = t('auth.required');
  if (!values.title) fieldErrors.title = t('auth.required');
  if (!values.body) fieldErrors.body = t('auth.required');
  if (Object.keys(fieldErrors).length) return { message: t('citizen.form.fixErrors'), fieldErrors, values };

  const sent = await sendToGateway<{ id: string }>(locale, 'POST', '/ideas', {
    cycleId,
    themeId: values.themeId,
    title: values.title,
    body: values.body,
    anonymous: values.anonymous === 'true',
  });
  if (!sent.ok) {
    return failureState(locale, sent.error, {
      values,
      fields: {
        title: { field: 'title', message: t('citizen.idea.titleHint') },
        body: { field: 'body', message: t('citizen.idea.bodyHint') },
        themeId: { field: 'themeId', message: t('citizen.idea.themeInvalid') },
      },
    });
  }
  const similar = await similarTo(locale, cycleId, `${values.title} ${values.body}`, sent.data.id);
  return {
    done: t('citizen.idea.received'),
    links: similarLinks(similar),
    linksTitle: similar.length ? t('citizen.idea.similarAfterSubmit', { count: similar.length }) : undefined,
  };
}
