import { FATE_STATUSES, FateStatus } from '@ogp/contracts';

/** Every step an idea's fate can reach, as the events name them (the specs check each has its words). */
export const FATE_STEPS: readonly (FateStatus | 'published')[] = [
  ...(FATE_STATUSES as readonly FateStatus[]),
  'published',
];
