import { useQuery } from '@tanstack/react-query';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '@/testing/render';
import { hasNoItems, QueryView, type QueryLike } from './QueryView';

function query<T>(state: Partial<QueryLike<T>>): QueryLike<T> {
  return {
    isPending: false,
    isError: false,
    error: null,
    data: undefined,
    refetch: () => undefined,
    ...state,
  };
}

const list = (items: string[]) => (
  <ul>
    {items.map((i) => (
      <li key={i}>{i}</li>
    ))}
  </ul>
);

describe('QueryView', () => {
  it('shows the loading placeholder until the first answer, and no data', () => {
    renderWithProviders(
      <QueryView query={query<string[]>({ isPending: true })} loading={<p>waiting</p>}>
        {list}
      </QueryView>,
    );
    expect(screen.getByText('waiting')).toBeInTheDocument();
    expect(screen.queryByRole('list')).not.toBeInTheDocument();
  });

  it('shows skeleton cards when the page names no placeholder', () => {
    renderWithProviders(<QueryView query={query<string[]>({ isPending: true })}>{list}</QueryView>);
    expect(screen.getByRole('status', { name: 'Loading…' })).toBeInTheDocument();
  });

  it('shows the data', () => {
    renderWithProviders(
      <QueryView query={query({ data: ['Oo', 'Hindi'] })} empty={<p>nothing</p>}>
        {list}
      </QueryView>,
    );
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Oo', 'Hindi']);
    expect(screen.queryByText('nothing')).not.toBeInTheDocument();
  });

  it('shows the empty state for an empty list, page or set of pages, not the data', () => {
    const empties = [[], { data: [], pagination: {} }, { pages: [{ data: [] }, { data: [] }] }];
    for (const data of empties) {
      const { unmount } = renderWithProviders(
        <QueryView query={query<unknown>({ data })} empty={<p>nothing</p>}>
          {() => <p>data</p>}
        </QueryView>,
      );
      expect(screen.getByText('nothing')).toBeInTheDocument();
      expect(screen.queryByText('data')).not.toBeInTheDocument();
      unmount();
    }
  });

  it('judges emptiness with the page’s own rule when it gives one', () => {
    renderWithProviders(
      <QueryView
        query={query({ data: { total: 0 } })}
        empty={<p>nothing yet</p>}
        isEmpty={(d) => d.total === 0}
      >
        {() => <p>data</p>}
      </QueryView>,
    );
    expect(screen.getByText('nothing yet')).toBeInTheDocument();
  });

  it('shows empty data as data when the page has no empty state', () => {
    renderWithProviders(
      <QueryView query={query<string[]>({ data: [] })}>{() => <p>the list</p>}</QueryView>,
    );
    expect(screen.getByText('the list')).toBeInTheDocument();
  });

  it('shows the error with its text and a retry that asks again', async () => {
    let asked = 0;
    renderWithProviders(
      <QueryView
        query={query<string[]>({ isError: true, error: new Error('x'), refetch: () => asked++ })}
        errorText="Markets could not be loaded."
      >
        {list}
      </QueryView>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('Markets could not be loaded.');
    await userEvent.click(screen.getByText('Try again'));
    expect(asked).toBe(1);
  });

  it('names the error with the page’s rule, or says something went wrong', () => {
    const failed = query<string[]>({ isError: true, error: new Error('Server says no') });
    const { unmount } = renderWithProviders(
      <QueryView query={failed} errorText={(e) => (e as Error).message}>
        {list}
      </QueryView>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('Server says no');
    unmount();
    renderWithProviders(<QueryView query={failed}>{list}</QueryView>);
    expect(screen.getByRole('alert')).toHaveTextContent('Something went wrong.');
  });

  it('lets the page answer some errors itself and keeps Retry for the others', () => {
    const notFound = (e: unknown) => ((e as Error).message === '404' ? <p>not found</p> : null);
    const { unmount } = renderWithProviders(
      <QueryView
        query={query<string[]>({ isError: true, error: new Error('404') })}
        renderError={notFound}
      >
        {list}
      </QueryView>,
    );
    expect(screen.getByText('not found')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    unmount();
    renderWithProviders(
      <QueryView
        query={query<string[]>({ isError: true, error: new Error('500') })}
        renderError={notFound}
      >
        {list}
      </QueryView>,
    );
    expect(screen.getByText('Try again')).toBeInTheDocument();
  });

  it('shows a real query failing, then its data after Retry', async () => {
    let calls = 0;
    function Markets() {
      const q = useQuery({
        queryKey: ['query-view-test'],
        queryFn: async () => {
          calls++;
          if (calls === 1) throw new Error('offline');
          return ['Oo'];
        },
      });
      return <QueryView query={q}>{list}</QueryView>;
    }
    renderWithProviders(<Markets />);
    expect(await screen.findByRole('alert')).toHaveTextContent('Something went wrong.');
    await userEvent.click(screen.getByText('Try again'));
    await waitFor(() => expect(screen.getByRole('listitem')).toHaveTextContent('Oo'));
    expect(calls).toBe(2);
  });
});

describe('hasNoItems', () => {
  it('counts items in lists, pages and sets of pages, and nothing else as empty', () => {
    expect(hasNoItems([])).toBe(true);
    expect(hasNoItems(['a'])).toBe(false);
    expect(hasNoItems({ data: [] })).toBe(true);
    expect(hasNoItems({ data: [1] })).toBe(false);
    expect(hasNoItems({ pages: [{ data: [] }, { data: [1] }] })).toBe(false);
    expect(hasNoItems({ pages: [] })).toBe(true);
    expect(hasNoItems({ total: 0 })).toBe(false);
    expect(hasNoItems(null)).toBe(false);
  });
});
