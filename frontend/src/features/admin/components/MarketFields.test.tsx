import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '@/testing/render';
import { MarketFields, type MarketValues } from './MarketFields';

const EMPTY: MarketValues = {
  title: '',
  description: '',
  category: 'other',
  outcomes: 'Oo\nHindi',
  closes_at: '',
  resolves_at: '',
  max_points: '',
  title_fil: '',
  description_fil: '',
  outcomes_fil: '',
};

function Form(props: Partial<Parameters<typeof MarketFields>[0]>) {
  const [v, setV] = useState(EMPTY);
  return (
    <form>
      <MarketFields
        idPrefix="t"
        values={v}
        onChange={(f, value) => setV((old) => ({ ...old, [f]: value }))}
        error={() => undefined}
        {...props}
      />
      <output data-testid="values">{JSON.stringify(v)}</output>
    </form>
  );
}

const values = () => JSON.parse(screen.getByTestId('values').textContent!) as MarketValues;

describe('MarketFields', () => {
  it('hands every typed field to the form, the cap as whole digits only', async () => {
    renderWithProviders(<Form />);
    await userEvent.type(screen.getByLabelText('Title'), 'Uulan ba?');
    await userEvent.type(screen.getByLabelText(/Max chips/i), '1,5x0');
    await userEvent.selectOptions(screen.getByLabelText('Category'), 'sports');
    expect(values()).toMatchObject({ title: 'Uulan ba?', max_points: '150', category: 'sports' });
  });

  it('shows each field’s error beside it', () => {
    renderWithProviders(
      <Form error={(f) => (f === 'outcomes' ? 'Two to twenty outcomes' : undefined)} />,
    );
    expect(screen.getByText('Two to twenty outcomes')).toBeInTheDocument();
    expect(screen.getByLabelText('Outcomes (one per line, 2–20)')).toHaveAttribute(
      'aria-invalid',
      'true',
    );
  });

  it('locks the outcomes with the reason, and leaves out the closing time when told', () => {
    renderWithProviders(<Form outcomesLocked showClosesAt={false} />);
    const outcomes = screen.getByLabelText('Outcomes (one per line, 2–20)');
    expect(outcomes).toBeDisabled();
    expect(outcomes).toHaveAccessibleDescription(/forecast/i);
    expect(screen.queryByLabelText(/Closes at/i)).not.toBeInTheDocument();
  });
});
