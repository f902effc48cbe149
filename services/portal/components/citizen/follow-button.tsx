import { gateway } from '../../gateway/gateway-client';
import type { Page } from '../../gateway/views';
import { Locale } from '../../i18n/locales';
import { Translate } from '../../i18n/translator';
import { currentAccount } from '../../session/current-account';
import { CsrfField } from '../../session/csrf-field';
import { ActionForm } from './action-form';
import type { FollowView } from './follow-view';
import { toggleFollow } from './participation-actions';

/**
 * Follow a commitment or a co-creation cycle (news in the app and by e-mail as the preferences say),
 * or stop following it. A visitor is offered to log in first.
 */
export async function FollowButton({
  kind,
  id,
  locale,
  t,
  returnTo,
  following: known,
}: {
  kind: 'commitment' | 'cycle';
  id: string;
  locale: Locale;
  t: Translate;
  returnTo: string;
  following?: boolean;
}) {
  if (!(await currentAccount())) {
    return (
      <p>
        <a href={`/${locale}/login?next=${encodeURIComponent(returnTo)}`}>
          {t(kind === 'cycle' ? 'citizen.follow.cycle' : 'citizen.follow.commitment')}
        </a>
      </p>
    );
  }
  const follows =
    known === undefined
      ? await (
          await gateway.user(locale)
        )
          .get<Page<FollowView>>('/me/follows' as never, { query: { limit: 100 } })
          .catch(() => null)
      : null;
  const following = known ?? follows?.items.some((f) => f.kind === kind && f.id === id) ?? false;
  return (
    <div className="follow">
      {following ? <p className="muted">{t('citizen.follow.following')}</p> : null}
      <ActionForm
        id={`follow-${kind}-${id}`}
        action={toggleFollow}
        csrf={<CsrfField />}
        hidden={{ locale, kind, id, follow: following ? 'false' : 'true' }}
        fields={[]}
        quiet={following}
        submit={
          following
            ? t('citizen.follow.stop')
            : t(kind === 'cycle' ? 'citizen.follow.cycle' : 'citizen.follow.commitment')
        }
      />
    </div>
  );
}
