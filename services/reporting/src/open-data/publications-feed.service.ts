import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Language, Localized, ParticipationRpc } from '@ogp/contracts';
import { NatsRpcClient } from '@ogp/messaging';
import { SERVICE_CONFIG } from '@ogp/runtime';
import { Feed } from 'feed';
import { ReportingConfig } from '../reporting.config';

/** The newest publications a feed carries: readers keep what they already fetched. */
const FEED_ENTRIES = 50;

const WORDS: Record<Language, { title: string; subtitle: string; author: string }> = {
  ar: {
    title: 'منشورات منصة الحكومة المنفتحة',
    subtitle: 'الأخبار والمحاضر والوثائق المنشورة',
    author: 'فريق التنسيق',
  },
  fr: {
    title: 'Publications de la plateforme du gouvernement ouvert',
    subtitle: 'Actualités, procès-verbaux et documents publiés',
    author: 'Équipe de coordination',
  },
  en: {
    title: 'Open government platform publications',
    subtitle: 'Published news, minutes and documents',
    author: 'Coordination team',
  },
};

const text = (value: Localized | null | undefined, language: Language): string => value?.[language] || value?.ar || '';
const escapeHtml = (value: string): string =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\n/g, '<br/>');

/**
 * The publications (news, minutes, documents) as an Atom 1.0 feed, written by the `feed`
 * library: one per language, entries with stable ids (urn:uuid), each linking to the portal.
 */
@Injectable()
export class PublicationsFeedService {
  constructor(
    private readonly rpc: NatsRpcClient,
    @Inject(SERVICE_CONFIG) private readonly config: ReportingConfig,
  ) {}

  async atom(language: Language): Promise<{ body: string; version: string }> {
    const page = await this.rpc.request(ParticipationRpc.listPublications, { limit: FEED_ENTRIES, offset: 0 });
    const published = page.items.filter((p) => p.status === 'published' && p.publishedAt);
    const portal = `${this.config.PORTAL_URL.replace(/\/+$/, '')}/${language}/publications`;
    const words = WORDS[language];
    // The feed changes only when a publication does: its time is the newest publication's.
    const updated = published.reduce(
      (latest, p) => (p.publishedAt! > latest ? p.publishedAt! : latest),
      '1970-01-01T00:00:00.000Z',
    );
    const feed = new Feed({
      id: portal,
      title: words.title,
      description: words.subtitle,
      link: portal,
      language,
      updated: new Date(updated),
      copyright: '',
      author: { name: words.author, link: portal },
    });
    for (const p of published) {
      const title = text(p.title, language);
      feed.addItem({
        id: `urn:uuid:${p.id}`,
        title,
        link: `${portal}#publication-${p.id}`,
        date: new Date(p.publishedAt!),
        published: new Date(p.publishedAt!),
        content: escapeHtml(text(p.body, language)),
        category: [{ name: p.kind, term: p.kind }],
      });
    }
    // RFC 4287 lets the root say the language of its text; the library does not write it.
    const body = feed
      .atom1()
      .replace(
        '<feed xmlns="http://www.w3.org/2005/Atom">',
        `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${language}">`,
      );
    return { body, version: createHash('sha256').update(body).digest('hex').slice(0, 32) };
  }
}
