import type { MessageKey } from '../../i18n/translator';

/** The notification types a citizen or CSO receives, in the order shown, with their label. */
export const PREFERENCE_LABELS: [string, MessageKey][] = [
  ['participation.idea.fate-changed', 'citizen.settings.type.fate'],
  ['participation.registration.confirmed', 'citizen.settings.type.registration'],
  ['participation.comment.answered', 'citizen.settings.type.commentAnswered'],
  ['commitments.progress.reported', 'citizen.settings.type.progress'],
  ['commitments.completion-level.changed', 'citizen.settings.type.level'],
  ['participation.cycle.phase-opened', 'citizen.settings.type.phase'],
  ['participation.publication.published', 'citizen.settings.type.publication'],
];
