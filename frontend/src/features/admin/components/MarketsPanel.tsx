import { useState } from 'react';
import { Section } from '@/components/Page';
import { useT } from '@/lib/i18n';
import { useDebounced } from '@/lib/use-debounced';
import { useAdminMarkets } from '../api/get-admin-markets';
import { AdminList, AdminSearch } from './AdminList';
import { MarketAdminRow } from './MarketAdminRow';

/** /admin/markets — every market, searchable, with its actions. */
export function MarketsPanel() {
  const t = useT();
  const [search, setSearch] = useState('');
  const q = useAdminMarkets(true, useDebounced(search));
  return (
    <Section title={t('admin.tab.markets')}>
      <AdminSearch label={t('markets.search')} value={search} onChange={setSearch} />
      <AdminList query={q} emptyText={t('markets.empty')}>
        {(m) => <MarketAdminRow key={m.id} market={m} />}
      </AdminList>
    </Section>
  );
}
