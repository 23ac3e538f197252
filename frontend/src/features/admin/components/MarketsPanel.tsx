import { useState } from 'react';
import { Section } from '@/components/Page';
import { QueryView } from '@/components/QueryView';
import { ListSkeleton } from '@/components/States';
import { errorMessage } from '@/lib/error-message';
import { useT } from '@/lib/i18n';
import { useDebounced } from '@/lib/use-debounced';
import { useAdminMarkets } from '../api/get-admin-markets';
import { MarketAdminRow } from './MarketAdminRow';

/** /admin/markets — every market, searchable, with its actions. */
export function MarketsPanel() {
  const t = useT();
  const [search, setSearch] = useState('');
  const q = useAdminMarkets(true, useDebounced(search));
  return (
    <Section title={t('admin.tab.markets')}>
      <input
        type="search"
        className="pm-input mb-2"
        aria-label={t('markets.search')}
        placeholder={t('markets.search')}
        value={search}
        onChange={(e) => setSearch(e.target.value)}
      />
      <QueryView
        query={q}
        loading={<ListSkeleton count={2} />}
        errorText={(e) => errorMessage(e, t)}
        empty={<p className="text-sm text-zinc-500">{t('markets.empty')}</p>}
      >
        {(res) => (
          <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
            {res.data.map((m) => (
              <MarketAdminRow key={m.id} market={m} />
            ))}
          </ul>
        )}
      </QueryView>
    </Section>
  );
}
