import { Formatter } from '../../i18n/format';
import { Locale } from '../../i18n/locales';
import { MessageKey, Translate } from '../../i18n/translator';
import type { FateStepView } from './idea-view';
import { IDEA_STATUSES } from './idea-view';

const KNOWN = new Set<string>([...IDEA_STATUSES, 'published']);

/** Every step of an idea's fate, oldest first, as an ordered list: what, when, and why or with whom. */
export function IdeaTimeline({ steps, t, f }: { steps: FateStepView[]; locale: Locale; t: Translate; f: Formatter }) {
  return (
    <ol className="timeline">
      {steps.map((step, i) => (
        <li key={`${step.status}-${step.at}-${i}`} className={`timeline-step timeline-${step.status}`}>
          <span className="timeline-status">
            {KNOWN.has(step.status) ? t(`citizen.fate.${step.status}` as MessageKey) : step.status}
          </span>{' '}
          <time dateTime={step.at} className="muted">
            {f.dateTime(step.at)}
          </time>
          {step.institution ? (
            <p className="timeline-detail">
              {t('citizen.fate.institution')} <span dir="auto">{step.institution}</span>
            </p>
          ) : null}
          {step.explanation ? (
            <p className="timeline-detail">
              {t('citizen.fate.reason')} <span dir="auto">{step.explanation}</span>
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
