/** An idea the gateway finds close to a text (GET /cycles/:id/ideas/similar). */
export interface SimilarIdea {
  id: string;
  title: string;
  similarity: number;
}
