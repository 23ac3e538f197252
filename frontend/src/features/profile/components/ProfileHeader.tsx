import type { ReactNode } from 'react';
import { BadgeIcon, badgeText } from '@/components/BadgeIcon';
import type { Badge } from '@/lib/api-types';
import { formatDate } from '@/lib/format';
import { useT } from '@/lib/i18n';

/** Initial-letter avatar, name, a subtitle line, bio and badges. */
export function ProfileHeader({
  name,
  subtitle,
  createdAt,
  bio,
  extra,
}: {
  name: string;
  subtitle?: ReactNode;
  createdAt: string;
  bio?: string | null;
  extra?: ReactNode;
}) {
  const t = useT();
  return (
    <>
      <div className="flex items-center gap-3">
        <div
          className="flex h-14 w-14 shrink-0 items-center justify-center rounded-full bg-blue-700 text-xl font-bold text-white"
          aria-hidden="true"
        >
          {name.slice(0, 1).toUpperCase()}
        </div>
        <div className="min-w-0">
          <h1 className="truncate text-xl font-bold">{name}</h1>
          {subtitle && (
            <p className="truncate text-sm text-zinc-600 dark:text-zinc-400">{subtitle}</p>
          )}
          <p className="text-xs text-zinc-600 dark:text-zinc-400">
            {t('profile.memberSince', { date: formatDate(createdAt) })}
            {extra}
          </p>
        </div>
      </div>
      {bio && <p className="mt-3 text-sm whitespace-pre-line">{bio}</p>}
    </>
  );
}

/** Each badge with its icon, its name, how it was earned and when. */
export function BadgeList({ badges }: { badges: Badge[] }) {
  const t = useT();
  if (badges.length === 0) {
    return <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('profile.noBadges')}</p>;
  }
  return (
    <ul className="grid gap-3 sm:grid-cols-2" data-testid="badge-list">
      {badges.map((b) => {
        const text = badgeText(b.badge, t);
        return (
          <li key={b.badge} className="flex items-start gap-3" data-badge={b.badge}>
            <BadgeIcon id={b.badge} />
            <div className="min-w-0">
              <p className="font-semibold">{text.name}</p>
              {text.description && (
                <p className="text-sm text-zinc-600 dark:text-zinc-400">{text.description}</p>
              )}
              <p className="text-xs text-zinc-600 dark:text-zinc-400">
                {t('badge.earnedOn', { date: formatDate(b.awarded_at) })}
              </p>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
