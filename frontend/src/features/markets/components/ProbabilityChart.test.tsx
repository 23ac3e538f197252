import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
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
});
