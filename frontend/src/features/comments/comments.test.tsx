import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LANG_KEY } from '@/lib/i18n';
import { envelope, failure, mockFetch, type MockRequest } from '@/testing/fetch-mock';
import { aMarket, aUser } from '@/testing/fixtures';
import { renderWithProviders } from '@/testing/render';
import type { Comment } from './api/comments';
import { commentsClosed, CommentsSection } from './components/CommentsSection';
import { LinkifiedText } from './components/LinkifiedText';

afterEach(() => {
  vi.unstubAllGlobals();
  localStorage.removeItem(LANG_KEY);
});

const market = aMarket();
const now = Date.now();
const iso = (msAgo: number) => new Date(now - msAgo).toISOString();

function aComment(overrides: Partial<Comment> = {}): Comment {
  return {
    id: 'c1',
    market_id: market.id,
    parent_id: null,
    user: { id: 'u2', display_name: 'Ana', handle: 'ana', avatar_url: null },
    body: 'Rain for sure, see https://pagasa.dost.gov.ph/forecast.',
    position: { outcome_id: market.outcomes[0].id, outcome_name: 'Yes', points: 200 },
    likes: 2,
    liked_by_me: false,
    reported_by_me: false,
    created_at: iso(60_000),
    edited_at: null,
    editable_until: new Date(now + 9 * 60_000).toISOString(),
    hidden: false,
    deleted: false,
    replies: [],
    ...overrides,
  };
}

const page = (items: Comment[]) =>
  envelope(items, { page: 1, limit: 20, total: items.length, pages: 1 });

function setup(
  comments: Comment[],
  {
    user = aUser(),
    extra = {},
  }: { user?: ReturnType<typeof aUser> | null; extra?: Parameters<typeof mockFetch>[0] } = {},
) {
  document.cookie = 'XSRF-TOKEN=t';
  return mockFetch({
    'GET /users/me': () =>
      user ? { body: envelope(user) } : { status: 401, body: failure('UNAUTHENTICATED', 'no') },
    [`GET /markets/${market.id}/comments`]: () => ({ body: page(comments) }),
    ...extra,
  });
}

describe('comments on a market', () => {
  it('shows each comment with its position badge, replies and clickable links', async () => {
    setup([
      aComment({
        replies: [
          aComment({
            id: 'r1',
            parent_id: 'c1',
            user: { id: 'u3', display_name: 'Ben', handle: 'ben', avatar_url: null },
            body: 'Not so sure',
            position: null,
            likes: 0,
          }),
        ],
      }),
    ]);
    renderWithProviders(<CommentsSection market={market} />);
    const first = (await screen.findAllByTestId('comment'))[0];
    expect(within(first).getByTestId('comment-position')).toHaveTextContent('₱200 on Yes');
    const link = within(first).getByRole('link', { name: 'https://pagasa.dost.gov.ph/forecast' });
    expect(link).toHaveAttribute('href', 'https://pagasa.dost.gov.ph/forecast');
    expect(link).toHaveAttribute('rel', expect.stringContaining('noopener'));
    const reply = screen.getByTestId('comment-reply');
    expect(within(reply).getByText('Not so sure')).toBeInTheDocument();
    expect(within(reply).queryByTestId('comment-position')).toBeNull();
    expect(screen.getByRole('heading', { name: 'Comments (1)' })).toBeInTheDocument();
    expect(within(reply).getByRole('link', { name: 'Ben' })).toHaveAttribute('href', '/u/ben');
  });

  it('reads in Filipino', async () => {
    localStorage.setItem(LANG_KEY, 'fil');
    setup([aComment({ position: { outcome_id: 'o1', outcome_name: 'Oo', points: 200 } })]);
    renderWithProviders(<CommentsSection market={market} />);
    expect(await screen.findByTestId('comment-position')).toHaveTextContent('₱200 sa Oo');
    expect(screen.getByRole('button', { name: 'Pinakabago' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'I-report' })).toBeInTheDocument();
  });

  it('shows hidden and deleted comments as placeholders', async () => {
    setup(
      [
        aComment({ id: 'h', hidden: true, body: '' }),
        aComment({
          id: 'd',
          deleted: true,
          body: '',
          position: null,
          replies: [aComment({ id: 'r', parent_id: 'd', body: 'Still here' })],
        }),
      ],
      { user: null },
    );
    renderWithProviders(<CommentsSection market={market} />);
    expect(await screen.findByTestId('comment-hidden')).toHaveTextContent('Hidden by a moderator');
    expect(screen.getByText('This comment was deleted.')).toBeInTheDocument();
    expect(screen.getByText('Still here')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Log in to join the discussion' })).toBeInTheDocument();
  });

  it('has an empty state and an error state with a retry', async () => {
    let fail = true;
    setup([], {
      extra: {
        [`GET /markets/${market.id}/comments`]: () =>
          fail ? { status: 500, body: failure('INTERNAL_ERROR', 'boom') } : { body: page([]) },
      },
    });
    renderWithProviders(<CommentsSection market={market} />);
    expect(await screen.findByText('Could not load comments.')).toBeInTheDocument();
    fail = false;
    await userEvent.click(screen.getByText('Try again', { selector: 'ion-button' }));
    expect(await screen.findByTestId('comments-empty')).toHaveTextContent('No comments yet');
  });

  it('posts a comment and shows a refusal from the server without losing the text', async () => {
    let refuse = false;
    const { calls } = setup([], {
      extra: {
        [`POST /markets/${market.id}/comments`]: (req: MockRequest) =>
          refuse
            ? { status: 429, body: failure('RATE_LIMITED', 'Too many requests; try again in 30 s') }
            : {
                status: 201,
                body: envelope(aComment({ body: (req.body as { body: string }).body })),
              },
      },
    });
    renderWithProviders(<CommentsSection market={market} />);
    const box = await screen.findByRole('textbox', { name: 'Add a comment' });
    await userEvent.type(box, '  Uulan talaga  ');
    await userEvent.click(screen.getByText('Post', { selector: 'ion-button' }));
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ body: 'Uulan talaga' }),
    );
    await waitFor(() => expect(box).toHaveValue(''));

    refuse = true;
    await userEvent.type(box, 'Again');
    await userEvent.click(screen.getByText('Post', { selector: 'ion-button' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Too many tries');
    expect(box).toHaveValue('Again');
  });

  it('does not send a comment over 2,000 characters', async () => {
    setup([]);
    renderWithProviders(<CommentsSection market={market} />);
    const box = await screen.findByRole('textbox', { name: 'Add a comment' });
    await userEvent.click(box);
    await userEvent.paste('x'.repeat(2001));
    expect(screen.getByText('2,001/2,000')).toBeInTheDocument();
    expect(screen.getByText('Post', { selector: 'ion-button' })).toHaveAttribute('disabled');
  });

  it('likes, replies to and reports a comment', async () => {
    const { calls } = setup([aComment()], {
      extra: {
        'POST /comments/c1/like': () => ({
          body: envelope({ comment_id: 'c1', likes: 3, liked_by_me: true }),
        }),
        [`POST /markets/${market.id}/comments`]: () => ({
          status: 201,
          body: envelope(aComment({ id: 'n' })),
        }),
        'POST /comments/c1/report': () => ({
          body: envelope({ comment_id: 'c1', reported_by_me: true }),
        }),
      },
    });
    renderWithProviders(<CommentsSection market={market} />);
    const like = await screen.findByTestId('comment-like');
    await userEvent.click(like);
    await waitFor(() => expect(like).toHaveTextContent('3'));
    expect(like).toHaveAttribute('aria-pressed', 'true');

    await userEvent.click(screen.getByRole('button', { name: 'Reply' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Reply to Ana' }), 'Agree');
    await userEvent.click(screen.getByText('Reply', { selector: 'ion-button' }));
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'POST' && c.path.endsWith('/comments'))?.body).toEqual({
        body: 'Agree',
        parent_id: 'c1',
      }),
    );

    await userEvent.click(screen.getByRole('button', { name: 'Report' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Why? (optional)' }), 'spam');
    await userEvent.click(screen.getByRole('button', { name: 'Send report' }));
    expect(await screen.findByTestId('comment-reported')).toHaveTextContent('Reported');
    expect(calls.find((c) => c.path === '/comments/c1/report')?.body).toEqual({ reason: 'spam' });
  });

  it('lets the author edit within the window and delete, but not report their own comment', async () => {
    const { calls } = setup(
      [aComment({ user: { id: 'u1', display_name: 'Juan', handle: 'juan', avatar_url: null } })],
      {
        extra: {
          'PATCH /comments/c1': (req) => ({
            body: envelope(
              aComment({
                user: { id: 'u1', display_name: 'Juan', handle: 'juan', avatar_url: null },
                body: (req.body as { body: string }).body,
                edited_at: new Date().toISOString(),
              }),
            ),
          }),
          'DELETE /comments/c1': () => ({ body: envelope({ comment_id: 'c1', deleted: true }) }),
        },
      },
    );
    renderWithProviders(<CommentsSection market={market} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Edit' }));
    const box = screen.getByRole('textbox', { name: 'Edit' });
    await userEvent.clear(box);
    await userEvent.type(box, 'Fixed');
    await userEvent.click(screen.getByText('Save', { selector: 'ion-button' }));
    expect(await screen.findByText('Fixed')).toBeInTheDocument();
    expect(screen.getByText(/edited/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Report' })).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: 'Delete' }));
    await userEvent.click(screen.getByRole('button', { name: 'Yes, delete' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'DELETE')).toBe(true));
  });

  it('offers no edit once the ten minutes are over', async () => {
    setup([
      aComment({
        user: { id: 'u1', display_name: 'Juan', handle: 'juan', avatar_url: null },
        editable_until: iso(1_000),
      }),
    ]);
    renderWithProviders(<CommentsSection market={market} />);
    expect(await screen.findByRole('button', { name: 'Delete' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Edit' })).toBeNull();
  });

  it('gives moderators hide and restore', async () => {
    const { calls } = setup([aComment()], {
      user: aUser({ id: 'mod', role: 'moderator' }),
      extra: {
        'POST /admin/comments/c1/hide': () => ({ body: envelope(aComment({ hidden: true })) }),
      },
    });
    renderWithProviders(<CommentsSection market={market} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Hide' }));
    expect(await screen.findByTestId('comment-hidden')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Restore' })).toBeInTheDocument();
    expect(calls.some((c) => c.path === '/admin/comments/c1/hide')).toBe(true);
  });

  it('is read-only a week after the market ended', async () => {
    const ended = aMarket({
      status: 'resolved',
      resolution: {
        outcome_id: market.outcomes[0].id,
        evidence_urls: ['https://x.ph'],
        resolution_note: 'ok',
        resolved_by: 'admin',
        created_at: iso(8 * 24 * 3600_000),
      },
    });
    expect(commentsClosed(ended)).toBe(true);
    expect(
      commentsClosed({ ...ended, resolution: { ...ended.resolution!, created_at: iso(3600_000) } }),
    ).toBe(false);
    expect(commentsClosed(market)).toBe(false);
    setup([aComment()]);
    renderWithProviders(<CommentsSection market={ended} />);
    expect(await screen.findByTestId('comments-closed')).toBeInTheDocument();
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Reply' })).toBeNull();
  });
});

describe('links in comments', () => {
  it('become links without trailing punctuation, and markup stays text', () => {
    const { container } = render(
      <LinkifiedText
        text={'<img src=x onerror=alert(1)> see https://a.ph/x?y=1. javascript:alert(2)'}
      />,
    );
    expect(container.querySelector('img')).toBeNull();
    const links = container.querySelectorAll('a');
    expect(links).toHaveLength(1);
    expect(links[0].getAttribute('href')).toBe('https://a.ph/x?y=1');
    expect(container.textContent).toBe(
      '<img src=x onerror=alert(1)> see https://a.ph/x?y=1. javascript:alert(2)',
    );
  });
});
