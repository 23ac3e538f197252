import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Section } from '@/components/Page';
import { Pager } from '@/components/Pager';
import { QueryView } from '@/components/QueryView';
import { Skeleton } from '@/components/States';
import { formatDateTime, formatNumber, formatPeso } from '@/lib/format';
import { useI18n, useT } from '@/lib/i18n';
import { type LedgerEntry, useTransactions } from '../api/get-transactions';

/** The user's chip ledger: every credit and debit with the balance after it. */
export function Transactions({ enabled }: { enabled: boolean }) {
  const t = useT();
  const { lang } = useI18n();
  const [page, setPage] = useState(1);
  const q = useTransactions(enabled, page);
  return (
    <Section title={t('wallet.transactions')}>
      <QueryView
        query={q}
        loading={<Skeleton className="h-12 w-full" />}
        empty={<p className="text-sm text-zinc-500">{t('wallet.noTransactions')}</p>}
      >
        {(res) => (
          <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
            {res.data.map((e) => (
              <li key={e.id} className="flex items-center justify-between gap-2 py-2 text-sm">
                <div className="min-w-0">
                  <p className="truncate font-medium" data-reason={e.reason_code}>
                    {e.reason}
                  </p>
                  {e.market && (
                    <Link
                      to={`/markets/${e.market.slug}`}
                      className="block truncate text-xs text-teal-700 underline-offset-2 hover:underline dark:text-teal-400"
                    >
                      {marketTitle(e.market, lang)}
                    </Link>
                  )}
                  <p className="text-xs text-zinc-500">{formatDateTime(e.created_at)}</p>
                </div>
                <div className="shrink-0 text-right">
                  <p
                    className={`font-semibold tabular-nums ${e.amount >= 0 ? 'text-green-700 dark:text-green-400' : 'text-red-700 dark:text-red-400'}`}
                  >
                    {e.amount > 0 ? '+' : ''}
                    {formatNumber(e.amount)}
                  </p>
                  <p className="text-xs text-zinc-500">
                    {t('wallet.balanceAfter', { amount: formatPeso(e.balance_after) })}
                  </p>
                </div>
              </li>
            ))}
          </ul>
        )}
      </QueryView>
      <Pager pagination={q.data?.pagination} onPage={setPage} />
    </Section>
  );
}

/** The market's title in the reader's language (its Filipino title where it has one). */
function marketTitle(market: NonNullable<LedgerEntry['market']>, lang: string): string {
  return lang === 'fil' && market.title_fil?.trim() ? market.title_fil : market.title;
}
