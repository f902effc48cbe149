'use client';

/** Shown when a page fails to render (e.g. the gateway is down); its words come from the <html lang>. */
const WORDS = {
  ar: { title: 'حدث خطأ', body: 'تعذر عرض هذه الصفحة الآن. حاول مرة أخرى بعد قليل.', retry: 'إعادة المحاولة' },
  fr: {
    title: 'Une erreur est survenue',
    body: 'Cette page ne peut pas être affichée pour le moment. Réessayez dans un instant.',
    retry: 'Réessayer',
  },
  en: {
    title: 'Something went wrong',
    body: 'This page cannot be shown right now. Try again in a moment.',
    retry: 'Try again',
  },
};

export default function PageError({ reset }: { error: Error; reset: () => void }) {
  const lang = (typeof document !== 'undefined' ? document.documentElement.lang : 'ar') as keyof typeof WORDS;
  const words = WORDS[lang] ?? WORDS.ar;
  return (
    <section className="page-section" role="alert">
      <h1>{words.title}</h1>
      <p>{words.body}</p>
      <button type="button" className="button" onClick={() => reset()}>
        {words.retry}
      </button>
    </section>
  );
}
