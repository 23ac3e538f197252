import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/lib/api-client';
import { renderWithProviders } from '@/testing/render';
import { Form, useForm } from './Form';
import { TextField } from './TextField';

const failure = (...errors: { field: string | null; message: string }[]) =>
  new ApiError(
    400,
    errors.map((e) => ({ code: 'VALIDATION_FAILED', ...e })),
  );

function Signup({
  error,
  busy = false,
  onSend,
}: {
  error?: unknown;
  busy?: boolean;
  onSend: (values: { email: string; name: string }) => void;
}) {
  const form = useForm({ email: '', name: '' }, error);
  return (
    <Form
      onSubmit={() => onSend(form.values)}
      busy={busy}
      label="Sign up"
      busyLabel="Signing up…"
      error={form.formError}
    >
      <TextField label="Email" {...form.field('email')} />
      <TextField label="Name" {...form.field('name')} />
    </Form>
  );
}

describe('useForm and Form', () => {
  it('keeps what is typed in each field and submits it without reloading the page', async () => {
    const onSend = vi.fn();
    renderWithProviders(<Signup onSend={onSend} />);
    await userEvent.type(screen.getByLabelText('Email'), 'juan@example.ph');
    await userEvent.type(screen.getByLabelText('Name'), 'Juan');
    await userEvent.click(screen.getByText('Sign up', { selector: 'ion-button' }));
    expect(onSend).toHaveBeenCalledWith({ email: 'juan@example.ph', name: 'Juan' });
  });

  it('shows a server error at its field, and one no field shows above the button', () => {
    renderWithProviders(
      <Signup
        onSend={vi.fn()}
        error={failure(
          { field: 'email', message: 'is already taken' },
          { field: 'email', message: 'a second email message' },
          { field: 'referral_code', message: 'is unknown' },
          { field: null, message: 'Try again later' },
        )}
      />,
    );
    expect(screen.getByLabelText('Email')).toHaveAccessibleDescription('is already taken');
    expect(screen.queryByText('a second email message')).not.toBeInTheDocument();
    expect(screen.getByLabelText('Name')).not.toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('alert')).toHaveTextContent('is unknown');
  });

  it('shows a failure that is not an API error above the button', () => {
    renderWithProviders(<Signup onSend={vi.fn()} error={new Error('Network down')} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Network down');
  });

  it('shows no alert without an error', () => {
    renderWithProviders(<Signup onSend={vi.fn()} />);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('disables the button and says so while the call is under way', async () => {
    renderWithProviders(<Signup onSend={vi.fn()} busy />);
    const button = screen.getByText('Signing up…', { selector: 'ion-button' });
    // Ionic's React wrapper sets the property after mounting.
    await waitFor(() => expect(button).toHaveAttribute('disabled'));
    expect(screen.queryByText('Sign up', { selector: 'ion-button' })).not.toBeInTheDocument();
  });
});
