import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { translate } from '@/lib/i18n';
import { badgeKind, badgeText, BadgeIcon } from './BadgeIcon';

const ALL = [
  'first_forecast',
  'first_win',
  'sharp_10',
  'streak_5',
  'contrarian',
  'early_bird',
  'high_roller',
  'top10_monthly',
  'category_expert_election',
  'category_expert_politics',
  'category_expert_sports',
  'category_expert_crypto',
  'category_expert_entertainment',
  'category_expert_other',
];

describe('badges', () => {
  it('gives every badge of the design a name and a description in both languages', () => {
    for (const lang of ['en', 'fil'] as const) {
      const t = (key: Parameters<typeof translate>[1], vars?: Parameters<typeof translate>[2]) =>
        translate(lang, key, vars);
      for (const id of ALL) {
        expect(badgeKind(id), id).not.toBeNull();
        const text = badgeText(id, t);
        expect(text.name, id).not.toMatch(/[{}_?]|badge\./);
        expect(text.description.length, id).toBeGreaterThan(10);
        expect(text.description, id).not.toMatch(/[{}]/);
      }
    }
    const fil = (key: Parameters<typeof translate>[1], vars?: Parameters<typeof translate>[2]) =>
      translate('fil', key, vars);
    expect(badgeText('first_win', fil).name).toBe('Unang panalo');
    expect(badgeText('category_expert_crypto', fil).description).toContain('Crypto');
  });

  it('reads an unknown badge id instead of showing "?"', () => {
    const t = (key: Parameters<typeof translate>[1]) => translate('en', key);
    expect(badgeText('night_owl', t)).toEqual({ name: 'Night owl', description: '' });
  });

  it('draws each icon as inline SVG, not an emoji', () => {
    const { container } = render(<BadgeIcon id="streak_5" />);
    expect(container.querySelector('svg path')).not.toBeNull();
    expect(container.textContent).toBe('');
    expect(container.firstElementChild).toHaveAttribute('data-icon', 'flame');
    expect(container.firstElementChild).toHaveAttribute('aria-hidden', 'true');
  });
});
