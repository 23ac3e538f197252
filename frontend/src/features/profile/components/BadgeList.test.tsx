import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '@/testing/render';
import { BadgeList } from './ProfileHeader';

describe('badge list', () => {
  it('lists badges with icon, name, how they were earned and when', () => {
    renderWithProviders(
      <BadgeList
        badges={[
          { badge: 'first_forecast', awarded_at: '2026-11-20T04:00:00Z' },
          { badge: 'category_expert_election', awarded_at: '2026-11-21T04:00:00Z' },
        ]}
      />,
    );
    const items = screen.getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent('First forecast');
    expect(items[0]).toHaveTextContent('Placed a first forecast.');
    expect(items[0]).toHaveTextContent('Earned Nov 20, 2026');
    expect(items[0].querySelector('svg')).not.toBeNull();
    expect(items[1]).toHaveTextContent('Election expert');
    expect(document.body.textContent).not.toContain('🏅');
    expect(document.body.textContent).not.toContain('?');
  });
});
