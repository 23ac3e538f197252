import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ProbabilityChart } from './ProbabilityChart';

describe('probability chart', () => {
  it('draws its percentage labels as HTML text of 11 px, not as SVG text that shrinks with the chart', () => {
    const { container } = render(
      <ProbabilityChart
        label="Chance over time"
        outcomes={[
          {
            id: 'yes',
            name: 'Yes',
            total_points: 60,
            probability: 0.6,
            pool_share: 0.6,
            payout_per_chip: 1.6,
            name_fil: null,
            color: '#1652f0',
          },
        ]}
        points={[
          { at: '2026-11-20T00:00:00Z', probabilities: { yes: 0.5 } },
          { at: '2026-11-29T00:00:00Z', probabilities: { yes: 0.6 } },
        ]}
      />,
    );
    expect(container.querySelector('svg text')).toBeNull();
    const labels = screen.getAllByTestId('chart-axis-label');
    expect(labels.map((l) => l.textContent)).toEqual(['0%', '25%', '50%', '75%', '100%']);
    labels.forEach((l) => expect(l.className).toContain('text-[11px]'));
  });

  const outcomes = [
    {
      id: 'yes',
      name: 'Yes',
      total_points: 60,
      probability: 0.6,
      pool_share: 0.6,
      payout_per_chip: 1.6,
      name_fil: null,
      color: '#1652f0',
    },
    {
      id: 'no',
      name: 'No',
      total_points: 40,
      probability: 0.4,
      pool_share: 0.4,
      payout_per_chip: 2.5,
      name_fil: null,
      color: '#e11d48',
    },
  ];
  const points = [
    { at: '2026-11-20T00:00:00Z', probabilities: { yes: 0.5, no: 0.5 } },
    { at: '2026-11-25T00:00:00Z', probabilities: { yes: 0.25, no: 0.75 } },
    { at: '2026-11-29T00:00:00Z', probabilities: { yes: 0.6, no: 0.4 } },
  ];

  it('reads out the probabilities at the touched point', () => {
    render(<ProbabilityChart label="Chance" outcomes={outcomes} points={points} />);
    const area = screen.getByTestId('chart-area');
    vi.spyOn(area, 'getBoundingClientRect').mockReturnValue({
      left: 0,
      width: 600,
      top: 0,
      height: 220,
      right: 600,
      bottom: 220,
      x: 0,
      y: 0,
      toJSON: () => ({}),
    });
    expect(screen.getByTestId('chart-readout')).toHaveTextContent('Touch the chart');
    // The middle of the drawing area is nearest to the 25 November point.
    fireEvent.pointerDown(area, { clientX: 330 });
    expect(screen.getByTestId('chart-readout')).toHaveTextContent('Yes 25%');
    expect(screen.getByTestId('chart-readout')).toHaveTextContent('No 75%');
    expect(screen.getByTestId('chart-cursor')).toBeInTheDocument();
    fireEvent.pointerMove(area, { clientX: 599 });
    expect(screen.getByTestId('chart-readout')).toHaveTextContent('Yes 60%');
  });

  it('reads point by point with the arrow keys', async () => {
    render(<ProbabilityChart label="Chance" outcomes={outcomes} points={points} />);
    screen.getByTestId('chart-area').focus();
    await userEvent.keyboard('{Home}');
    expect(screen.getByTestId('chart-readout')).toHaveTextContent('Yes 50%');
    await userEvent.keyboard('{ArrowRight}');
    expect(screen.getByTestId('chart-readout')).toHaveTextContent('Yes 25%');
    await userEvent.keyboard('{End}{ArrowRight}');
    expect(screen.getByTestId('chart-readout')).toHaveTextContent('Yes 60%');
  });

  it('marks the viewer’s entry when it falls in the range shown', () => {
    const { rerender } = render(
      <ProbabilityChart
        label="Chance"
        outcomes={outcomes}
        points={points}
        entry={{ at: '2026-11-25T00:00:00Z', probability: 0.25, color: '#1652f0' }}
      />,
    );
    expect(screen.getByTestId('chart-entry')).toBeInTheDocument();
    expect(screen.getByTestId('chart-entry-text')).toHaveTextContent('Your entry: 25%');
    rerender(
      <ProbabilityChart
        label="Chance"
        outcomes={outcomes}
        points={points}
        entry={{ at: '2026-11-01T00:00:00Z', probability: 0.5, color: '#1652f0' }}
      />,
    );
    expect(screen.queryByTestId('chart-entry')).toBeNull();
  });
});
