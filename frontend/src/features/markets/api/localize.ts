import type { Lang } from '@/lib/format';
import type { MarketSummary } from '@/lib/api-types';

/**
 * The market as a reader of `lang` sees it: in Filipino, its Filipino title, description and
 * outcome names where the market has them (`title_fil`, `description_fil`, `name_fil`), else the
 * English ones. Applied where the data is read (the query hooks), so every component shows the
 * same text without knowing about languages.
 */
type Localizable = Pick<
  MarketSummary,
  'title' | 'title_fil' | 'description' | 'description_fil' | 'outcomes'
>;

export function localizeMarket<T extends Localizable>(market: T, lang: Lang): T {
  if (lang !== 'fil') return market;
  return {
    ...market,
    title: nonBlank(market.title_fil) ?? market.title,
    description: nonBlank(market.description_fil) ?? market.description,
    outcomes: market.outcomes.map((o) => {
      const name = nonBlank(o.name_fil);
      return name ? { ...o, name } : o;
    }),
  };
}

function nonBlank(text: string | null | undefined): string | undefined {
  return text && text.trim() ? text : undefined;
}
