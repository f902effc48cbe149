import type { Schemas } from '../../gateway/views';

/** Something a person follows (GET /me/follows). */
export type FollowView = Schemas['FollowView'];
