import { Section } from '@/components/Page';
import { formatNumber, formatPercent } from '@/lib/format';
import { useT } from '@/lib/i18n';
import type { CalibrationBucket } from '../api/get-user-stats';

/** "30-40%" → 0.35, the win rate a perfectly calibrated forecaster would have in the bucket. */
export function bucketMidpoint(bucket: string): number | null {
  const m = /^(\d+(?:\.\d+)?)\s*[-–]\s*(\d+(?:\.\d+)?)\s*%?$/.exec(bucket.trim());
  if (!m) return null;
  return (Number(m[1]) + Number(m[2])) / 200;
}

/**
 * Calibration: for each crowd-probability bucket, how often the forecasts in it won. A table
 * (readable by screen readers) whose last column draws the win rate as a bar against a marker
 * at the bucket's midpoint, where a well-calibrated forecaster would land.
 */
export function Calibration({ buckets }: { buckets: CalibrationBucket[] }) {
  const t = useT();
  const used = buckets.filter((b) => b.forecasts > 0);
  return (
    <Section title={t('profile.calibration')}>
      {used.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('profile.noCalibration')}</p>
      ) : (
        <>
          <p className="mb-3 text-xs text-zinc-600 dark:text-zinc-400">
            {t('profile.calibrationHint')}
          </p>
          <table className="w-full text-sm" data-testid="calibration">
            <thead>
              <tr className="text-left text-xs text-zinc-600 dark:text-zinc-400">
                <th scope="col" className="pb-1 font-medium">
                  {t('profile.bucket')}
                </th>
                <th scope="col" className="pb-1 text-right font-medium">
                  {t('profile.settled')}
                </th>
                <th scope="col" className="w-2/5 pb-1 pl-3 font-medium">
                  {t('profile.hitRate')}
                </th>
              </tr>
            </thead>
            <tbody>
              {used.map((b) => {
                const rate = b.won / b.forecasts;
                const mid = bucketMidpoint(b.bucket);
                return (
                  <tr key={b.bucket} className="border-t border-zinc-200 dark:border-zinc-800">
                    <th scope="row" className="py-1.5 text-left font-normal tabular-nums">
                      {b.bucket}
                    </th>
                    <td className="py-1.5 text-right tabular-nums">
                      {formatNumber(b.won)}/{formatNumber(b.forecasts)}
                    </td>
                    <td className="py-1.5 pl-3">
                      <div className="flex items-center gap-2">
                        <div className="relative h-2 flex-1 rounded-full bg-zinc-200 dark:bg-zinc-800">
                          <div
                            className="h-2 rounded-full bg-blue-600 dark:bg-blue-400"
                            style={{ width: `${Math.round(rate * 100)}%` }}
                          />
                          {mid != null && (
                            <div
                              className="absolute -top-1 h-4 w-0.5 bg-zinc-700 dark:bg-zinc-200"
                              style={{ left: `${mid * 100}%` }}
                              aria-hidden="true"
                            />
                          )}
                        </div>
                        <span className="w-10 text-right text-xs tabular-nums">
                          {formatPercent(rate)}
                        </span>
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
    </Section>
  );
}
