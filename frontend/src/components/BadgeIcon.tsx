import { isMessageKey, type MessageKey, type TFunction } from '@/lib/i18n';

/**
 * The badges of DESIGN.md §5: for each id the server sends (`{badge: "first_forecast"}`), the
 * message keys of its name and of how it is earned, and an inline SVG icon. Icons are drawn, not
 * emoji, so they render the same on phones without an emoji font.
 */
type Icon =
  'flag' | 'trophy' | 'target' | 'flame' | 'arrows' | 'sunrise' | 'stack' | 'medal' | 'shield';

interface BadgeKind {
  icon: Icon;
  name: MessageKey;
  description: MessageKey;
  /** For category_expert_<category>: the category, for the name and description. */
  category?: string;
}

const KINDS: Record<string, Omit<BadgeKind, 'category'>> = {
  first_forecast: {
    icon: 'flag',
    name: 'badge.first_forecast',
    description: 'badge.first_forecast.how',
  },
  first_win: { icon: 'trophy', name: 'badge.first_win', description: 'badge.first_win.how' },
  sharp_10: { icon: 'target', name: 'badge.sharp_10', description: 'badge.sharp_10.how' },
  streak_5: { icon: 'flame', name: 'badge.streak_5', description: 'badge.streak_5.how' },
  contrarian: { icon: 'arrows', name: 'badge.contrarian', description: 'badge.contrarian.how' },
  early_bird: { icon: 'sunrise', name: 'badge.early_bird', description: 'badge.early_bird.how' },
  high_roller: { icon: 'stack', name: 'badge.high_roller', description: 'badge.high_roller.how' },
  top10_monthly: {
    icon: 'medal',
    name: 'badge.top10_monthly',
    description: 'badge.top10_monthly.how',
  },
};

const CATEGORY_EXPERT = 'category_expert_';

/** What to show for badge `id`; null for an id this app does not know yet. */
export function badgeKind(id: string): BadgeKind | null {
  if (id.startsWith(CATEGORY_EXPERT)) {
    return {
      icon: 'shield',
      name: 'badge.category_expert',
      description: 'badge.category_expert.how',
      category: id.slice(CATEGORY_EXPERT.length),
    };
  }
  return KINDS[id] ?? null;
}

const PATHS: Record<Icon, string[]> = {
  flag: ['M5 21V4', 'M5 4h11l-2 4 2 4H5'],
  trophy: [
    'M8 4h8v5a4 4 0 0 1-8 0V4Z',
    'M8 6H5a3 3 0 0 0 3 4',
    'M16 6h3a3 3 0 0 1-3 4',
    'M12 13v4',
    'M8 20h8',
    'M10 17h4v3h-4z',
  ],
  target: [
    'M12 4a8 8 0 1 0 0 16 8 8 0 0 0 0-16Z',
    'M12 8a4 4 0 1 0 0 8 4 4 0 0 0 0-8Z',
    'M12 11.5v1',
  ],
  flame: ['M12 3c1 3 5 5 5 10a5 5 0 0 1-10 0c0-3 2-4 2-7 1.5 1 2.5 2.5 2.5 4 1-1 .5-4 .5-7Z'],
  arrows: ['M7 20V5', 'M4 8l3-3 3 3', 'M17 4v15', 'M14 16l3 3 3-3'],
  sunrise: [
    'M4 18h16',
    'M7 18a5 5 0 0 1 10 0',
    'M12 4v4',
    'M5.6 9.6 7 11',
    'M18.4 9.6 17 11',
    'M9 4.5l3-1.5 3 1.5',
  ],
  stack: [
    'M5 6c0-1.7 3.1-3 7-3s7 1.3 7 3-3.1 3-7 3-7-1.3-7-3Z',
    'M5 6v4c0 1.7 3.1 3 7 3s7-1.3 7-3V6',
    'M5 10v4c0 1.7 3.1 3 7 3s7-1.3 7-3v-4',
    'M5 14v4c0 1.7 3.1 3 7 3s7-1.3 7-3v-4',
  ],
  medal: ['M8 3l4 7 4-7', 'M12 10a5 5 0 1 0 0 10 5 5 0 0 0 0-10Z', 'M11 14l1-1v4'],
  shield: [
    'M12 3l7 3v5c0 4.5-3 8-7 10-4-2-7-5.5-7-10V6l7-3Z',
    'M12 8l1.2 2.5 2.8.4-2 2 .5 2.8-2.5-1.3-2.5 1.3.5-2.8-2-2 2.8-.4Z',
  ],
};

/** The badge's icon in an amber disc; decorative (the name is always written next to it). */
export function BadgeIcon({ id, className = 'h-10 w-10' }: { id: string; className?: string }) {
  const icon = badgeKind(id)?.icon ?? 'medal';
  return (
    <span
      className={`inline-flex shrink-0 items-center justify-center rounded-full bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-300 ${className}`}
      aria-hidden="true"
      data-icon={icon}
    >
      <svg
        viewBox="0 0 24 24"
        className="h-3/5 w-3/5"
        fill="none"
        stroke="currentColor"
        strokeWidth={1.8}
        strokeLinecap="round"
        strokeLinejoin="round"
        focusable="false"
      >
        {PATHS[icon].map((d) => (
          <path key={d} d={d} />
        ))}
      </svg>
    </span>
  );
}

/** The badge's name and how it is earned, in the current language. */
export function badgeText(id: string, t: TFunction): { name: string; description: string } {
  const kind = badgeKind(id);
  if (!kind) {
    // A badge newer than this app: its id, readable, rather than nothing.
    const name = id.replace(/_/g, ' ');
    return { name: name.charAt(0).toUpperCase() + name.slice(1), description: '' };
  }
  const categoryKey = `markets.category.${kind.category}`;
  const category =
    kind.category === undefined ? '' : isMessageKey(categoryKey) ? t(categoryKey) : kind.category;
  return {
    name: t(kind.name, { category }),
    description: t(kind.description, { category }),
  };
}
