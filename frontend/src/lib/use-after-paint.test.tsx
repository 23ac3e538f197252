import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useAfterFirstPaint } from './use-after-paint';

function Probe() {
  return <p>{useAfterFirstPaint() ? 'painted' : 'first'}</p>;
}

describe('useAfterFirstPaint', () => {
  it('is false in the first render and true after the next frame', async () => {
    render(<Probe />);
    expect(screen.getByText('first')).toBeInTheDocument();
    expect(await screen.findByText('painted')).toBeInTheDocument();
  });

  it('stays true', async () => {
    const { rerender } = render(<Probe />);
    await screen.findByText('painted');
    rerender(<Probe />);
    await act(() => new Promise((r) => setTimeout(r, 20)));
    expect(screen.getByText('painted')).toBeInTheDocument();
  });
});
