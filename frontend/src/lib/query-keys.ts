/** Query keys shared across features, so one feature can refresh another's data without importing it. */
export const queryKeys = {
  me: ['me'] as const,
  markets: ['markets'] as const,
  market: (idOrSlug: string) => ['market', idOrSlug] as const,
  marketForecasts: (id: string) => ['market', id, 'forecasts'] as const,
  /** Every page and order of a market's comments (the market stream refreshes them on `comment`). */
  marketComments: (marketId: string) => ['comments', marketId] as const,
  watchlist: ['watchlist'] as const,
  notifications: ['notifications'] as const,
  unreadCount: ['notifications', 'unread-count'] as const,
  purchases: ['purchases'] as const,
};
