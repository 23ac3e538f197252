import type { ReactNode } from 'react';
import { Tag } from '@/components/Tag';
import { badgeName, type Badge } from '@/lib/api-types';
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

export function BadgeList({ badges }: { badges: (Badge | string)[] }) {
  const t = useT();
  if (badges.length === 0) {
    return <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('profile.noBadges')}</p>;
  }
  return (
    <ul className="flex flex-wrap gap-2">
      {badges.map((b) => (
        <li key={badgeName(b)}>
          <Tag tone="amber">🏅 {badgeName(b).replace(/_/g, ' ')}</Tag>
        </li>
      ))}
    </ul>
  );
}
