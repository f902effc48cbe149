'use client';
import { useEffect, useState } from 'react';
import type { SimilarIdea } from './similar-idea';

export interface SimilarIdeasLiveProps {
  locale: string;
  cycleId: string;
  /** Ids of the title and body fields whose text is compared. */
  fieldIds: string[];
  heading: string;
}

/**
 * Suggests similar ideas while the visitor types (the portal's route handler asks the gateway).
 * Without JavaScript nothing shows here: the form's outcome lists the similar ideas instead.
 */
export function SimilarIdeasLive({ locale, cycleId, fieldIds, heading }: SimilarIdeasLiveProps) {
  const [ideas, setIdeas] = useState<SimilarIdea[]>([]);
  useEffect(() => {
    const fields = fieldIds
      .map((id) => document.getElementById(id) as HTMLInputElement | HTMLTextAreaElement | null)
      .filter((f) => f !== null);
    let timer: ReturnType<typeof setTimeout> | undefined;
    let controller: AbortController | undefined;
    const look = () => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        const text = fields
          .map((f) => f.value)
          .join(' ')
          .trim();
        if (text.length < 5) return setIdeas([]);
        controller?.abort();
        controller = new AbortController();
        const res = await fetch(
          `/${locale}/me/ideas/similar?cycle=${encodeURIComponent(cycleId)}&text=${encodeURIComponent(text.slice(0, 1000))}`,
          { signal: controller.signal },
        ).catch(() => null);
        if (res?.ok) setIdeas((await res.json()) as SimilarIdea[]);
      }, 350);
    };
    for (const f of fields) f.addEventListener('input', look);
    return () => {
      clearTimeout(timer);
      controller?.abort();
      for (const f of fields) f.removeEventListener('input', look);
    };
  }, [locale, cycleId, fieldIds]);
  return (
    <div className="similar-ideas" aria-live="polite">
      {ideas.length ? (
        <>
          <p className="similar-ideas-title">{heading}</p>
          <ul>
            {ideas.map((i) => (
              <li key={i.id}>
                <a href={`/${locale}/cycles/${cycleId}/ideas/${i.id}`} dir="auto" target="_blank" rel="noopener">
                  {i.title}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
