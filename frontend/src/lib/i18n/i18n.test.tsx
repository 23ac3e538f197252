import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { dictionaries, I18nProvider, LANG_KEY, translate, useI18n } from './index';

describe('i18n dictionaries', () => {
  it('English and Filipino have exactly the same keys', () => {
    const enKeys = Object.keys(dictionaries.en).sort();
    const filKeys = Object.keys(dictionaries.fil).sort();
    expect(filKeys).toEqual(enKeys);
  });

  it('has no empty strings in either language', () => {
    for (const dict of Object.values(dictionaries)) {
      for (const [key, value] of Object.entries(dict)) {
        expect(value.trim(), key).not.toBe('');
      }
    }
  });

  it('uses the same placeholders in both languages', () => {
    const names = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(dictionaries.en) as (keyof typeof dictionaries.en)[]) {
      expect(names(dictionaries.fil[key]), key).toEqual(names(dictionaries.en[key]));
    }
  });

  it('fills placeholders', () => {
    expect(translate('en', 'markets.forecasters', { count: 12 })).toBe('12 forecasters');
    expect(translate('fil', 'tab.markets')).toBe('Markets');
    expect(translate('fil', 'slip.submit', { amount: '₱100' })).toBe('I-forecast ang ₱100');
  });

  it('picks the plural form for a numeric count and groups its digits', () => {
    expect(translate('en', 'markets.forecasters', { count: 1 })).toBe('1 forecaster');
    expect(translate('en', 'markets.forecasters', { count: 0 })).toBe('0 forecasters');
    expect(translate('en', 'markets.forecasters', { count: 2 })).toBe('2 forecasters');
    expect(translate('en', 'markets.forecasters', { count: 1234 })).toBe('1,234 forecasters');
    expect(translate('en', 'lb.forecasts', { count: 1 })).toBe('1 forecast');
    expect(translate('en', 'lb.forecasts', { count: 7 })).toBe('7 forecasts');
    // Filipino: the noun stays the same after a numeral
    expect(translate('fil', 'markets.forecasters', { count: 1 })).toBe('1 forecaster');
    expect(translate('fil', 'markets.forecasters', { count: 4 })).toBe('4 forecaster');
    expect(translate('fil', 'lb.forecasts', { count: 1 })).toBe('1 forecast');
    // keys without plural forms are unaffected
    expect(translate('en', 'markets.more', { count: 1 })).toBe('+1 more');
  });

  it('has a base ("other") message for every plural form', () => {
    const forms = Object.keys(dictionaries.en).filter((k) => /_(zero|one|two|few|many)$/.test(k));
    expect(forms.length).toBeGreaterThan(0);
    for (const k of forms) expect(dictionaries.en, k).toHaveProperty([k.replace(/_\w+$/, '')]);
  });
});

function Switcher() {
  const { lang, setLang, t } = useI18n();
  return <button onClick={() => setLang(lang === 'en' ? 'fil' : 'en')}>{t('auth.login')}</button>;
}

describe('language switch', () => {
  it('switches language and remembers the choice', async () => {
    render(
      <I18nProvider>
        <Switcher />
      </I18nProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Log in' }));
    expect(screen.getByRole('button', { name: 'Mag-log in' })).toBeInTheDocument();
    expect(localStorage.getItem(LANG_KEY)).toBe('fil');
  });
});
