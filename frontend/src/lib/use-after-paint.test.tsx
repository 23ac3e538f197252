import { render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { resetFirstPaint, useAfterFirstPaint } from './use-after-paint';

let renders = 0;
function Probe({ name }: { name: string }) {
  renders++;
  return <p>{`${name}: ${useAfterFirstPaint() ? 'painted' : 'first'}`}</p>;
}

beforeEach(() => {
  resetFirstPaint();
  renders = 0;
});

describe('useAfterFirstPaint', () => {
  it('is false in the first render and true after the next frame, for every component at once', async () => {
    render(
      <>
        <Probe name="a" />
        <Probe name="b" />
      </>,
    );
    expect(screen.getByText('a: first')).toBeInTheDocument();
    expect(await screen.findByText('a: painted')).toBeInTheDocument();
    expect(screen.getByText('b: painted')).toBeInTheDocument();
    expect(renders).toBe(4); // one render each before, one each after
  });

  it('is true at once for components mounted after the first paint', async () => {
    const { rerender } = render(<Probe name="a" />);
    await screen.findByText('a: painted');
    rerender(
      <>
        <Probe name="a" />
        <Probe name="late" />
      </>,
    );
    expect(screen.getByText('late: painted')).toBeInTheDocument();
  });
});
