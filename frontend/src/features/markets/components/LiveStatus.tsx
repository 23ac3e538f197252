import { useEffect } from 'react';
import type { MarketDetail } from '@/lib/api-types';
import { useI18n } from '@/lib/i18n';
import { useAfterFirstPaint } from '@/lib/use-after-paint';
import { useMarketStream } from '../hooks/use-market-stream';

/**
 * Live updates of the market (SSE, started after the first paint) and the "Live" dot, shown while
 * they flow for an open market. Reports a failed stream so the page can poll instead. Its own
 * component, so the stream opening re-renders the dot, not the page.
 */
export function LiveStatus({
  market,
  queryKey,
  onFailed,
}: {
  market: MarketDetail;
  queryKey: readonly unknown[];
  onFailed: (failed: boolean) => void;
}) {
  const { t } = useI18n();
  const painted = useAfterFirstPaint();
  const stream = useMarketStream(painted ? market.id : undefined, queryKey);
  useEffect(() => onFailed(stream.failed), [stream.failed, onFailed]);
  if (!stream.live || market.status !== 'open') return null;
  return (
    <span className="inline-flex items-center gap-1 text-xs text-green-700 dark:text-green-400">
      <span className="h-2 w-2 animate-pulse rounded-full bg-green-500" aria-hidden="true" />
      {t('market.live')}
    </span>
  );
}
