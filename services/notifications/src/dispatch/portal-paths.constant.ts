/** Portal paths of the items notifications are about. */
export const PortalPaths = {
  commitment: (id: string) => `/commitments/${id}`,
  cycle: (id: string) => `/cycles/${id}`,
  idea: (cycleId: string, ideaId: string) => `/cycles/${cycleId}/ideas/${ideaId}`,
  myIdeas: () => `/me/ideas`,
  publication: (id: string) => `/publications/${id}`,
  preferences: () => `/me/settings#preferences`,
} as const;
