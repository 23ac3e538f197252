import type { CurrentUser, MarketDetail, MarketSummary } from '@/lib/api-types';

export function aMarket(overrides: Partial<MarketDetail> = {}): MarketDetail {
  const base: MarketDetail = {
    id: 'm1',
    slug: 'will-it-rain-in-manila',
    title: 'Will it rain in Manila on Friday?',
    description: 'Resolves YES if PAGASA reports rain.',
    category: 'other',
    status: 'open',
    closes_at: new Date(Date.now() + 3 * 86400_000).toISOString(),
    resolves_at: null,
    created_at: new Date(Date.now() - 86400_000).toISOString(),
    total_points: 1000,
    forecaster_count: 7,
    max_points_per_user: 500,
    outcomes: [
      {
        id: 'yes',
        name: 'Yes',
        total_points: 600,
        probability: 0.59,
        pool_share: 0.6,
        payout_per_chip: 1.67,
        name_fil: null,
      },
      {
        id: 'no',
        name: 'No',
        total_points: 400,
        probability: 0.41,
        pool_share: 0.4,
        payout_per_chip: 2.5,
        name_fil: null,
      },
    ],
    resolution: null,
    my_forecast: null,
    watching: false,
    metadata: {},
    cancel_reason: null,
    settled_at: null,
    title_fil: null,
    description_fil: null,
  };
  return { ...base, ...overrides };
}

export function aSummary(overrides: Partial<MarketSummary> = {}): MarketSummary {
  const {
    max_points_per_user: _m,
    resolution: _r,
    my_forecast: _f,
    watching: _w,
    metadata: _d,
    cancel_reason: _c,
    settled_at: _s,
    ...summary
  } = aMarket();
  return { ...summary, winning_outcome_id: null, ...overrides };
}

export function aUser(overrides: Partial<CurrentUser> = {}): CurrentUser {
  return {
    id: 'u1',
    email: 'juan@example.com',
    display_name: 'Juan',
    handle: 'juan',
    bio: null,
    avatar_url: null,
    chips: 1000,
    reputation: 12,
    badges: [{ badge: 'first_forecast', awarded_at: '2026-01-02T00:00:00Z' }],
    role: 'user',
    status: 'active',
    created_at: '2026-01-01T00:00:00Z',
    language: null,
    email_verified: true,
    ...overrides,
  };
}
