/** Payload types shared by several features (field names as in docs/API.md, snake_case). */

export type Category = 'election' | 'politics' | 'sports' | 'crypto' | 'entertainment' | 'other';
export const CATEGORIES: Category[] = [
  'election',
  'politics',
  'sports',
  'crypto',
  'entertainment',
  'other',
];

export type MarketStatus = 'open' | 'closed' | 'suspended' | 'resolved' | 'cancelled';

export interface Outcome {
  id: string;
  name: string;
  total_points: number;
  probability: number;
  pool_share: number;
  payout_per_chip: number;
}

export interface MarketSummary {
  id: string;
  slug: string;
  title: string;
  description: string;
  category: Category;
  status: MarketStatus;
  closes_at: string;
  resolves_at: string | null;
  created_at: string;
  total_points: number;
  forecaster_count: number;
  outcomes: Outcome[];
  /** The outcome a resolved market was resolved to; null otherwise. */
  winning_outcome_id: string | null;
}

export type ForecastStatus = 'pending' | 'won' | 'lost' | 'refunded';

export interface Forecast {
  id: string;
  market_id: string;
  outcome_id: string;
  points: number;
  status: ForecastStatus;
  crowd_probability: number;
  /** Chips paid back once settled (won or refunded); absent or null before. */
  payout?: number | null;
  created_at: string;
  updated_at: string;
}

export interface Resolution {
  outcome_id: string;
  evidence_urls: string[];
  resolution_note: string;
  resolved_by: string;
  created_at: string;
}

export interface MarketDetail extends MarketSummary {
  max_points_per_user: number | null;
  resolution: Resolution | null;
  my_forecast: Forecast | null;
  /** Whether the caller watches this market (false when logged out). */
  watching: boolean;
  /** The admin's reason, once cancelled. */
  cancel_reason: string | null;
  /** When the pool was paid out (or refunded); null before. */
  settled_at: string | null;
}

export type Role = 'user' | 'moderator' | 'admin' | 'superadmin';

/** A badge a user holds: its id (`first_forecast`, `category_expert_sports`, …) and when. */
export interface Badge {
  badge: string;
  awarded_at: string;
}

export interface CurrentUser {
  id: string;
  email: string;
  display_name: string;
  bio: string | null;
  avatar_url: string | null;
  chips: number;
  reputation: number;
  badges: Badge[];
  role: Role;
  status: 'active' | 'suspended' | 'banned';
  created_at: string;
}

export interface PublicUser {
  id: string;
  display_name: string;
  avatar_url: string | null;
}

/** GET /users/{id}: the public view (no email, no chips). */
export interface PublicProfile extends PublicUser {
  bio: string | null;
  reputation: number;
  badges: Badge[];
  created_at: string;
}

export function isStaff(user: CurrentUser | null | undefined): boolean {
  return !!user && ['moderator', 'admin', 'superadmin'].includes(user.role);
}
