import { headers } from 'next/headers';
import { PATH_HEADER } from '../../security/request-headers';

/** The pages of a staff space as links; the current one marked (aria-current). Plain links: no script needed. */
export async function SpaceNav({ label, items }: { label: string; items: { href: string; label: string }[] }) {
  const path = ((await headers()).get(PATH_HEADER) ?? '').split('?')[0];
  // The space's home (the first link) is current on itself only; another link on its sub-pages too.
  const current = items
    .filter((i, n) => path === i.href || (n > 0 && path.startsWith(`${i.href}/`)))
    .sort((a, b) => b.href.length - a.href.length)[0];
  return (
    <nav className="space-nav" aria-label={label}>
      <ul>
        {items.map((i) => (
          <li key={i.href}>
            <a href={i.href} aria-current={i === current ? 'page' : undefined}>
              {i.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The tasks of a staff space's start page, each a card: its page (linked by its title) and what it is for. */
export function TaskCards({ tasks }: { tasks: { href: string; title: string; body: string }[] }) {
  return (
    <ul className="section-list">
      {tasks.map((task) => (
        <li key={task.href} className="card">
          <h2 className="card-title">
            <a href={task.href}>{task.title}</a>
          </h2>
          <p>{task.body}</p>
        </li>
      ))}
    </ul>
  );
}
