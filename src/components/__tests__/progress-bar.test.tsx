// The progress bar names itself, and its style (the caller's placement) applies.
import { render, screen } from '@testing-library/react';
import { ProgressBar } from '../progress-bar';

it('is a progress bar named for assistive technology, placed by its caller', () => {
  render(<ProgressBar label="Loading page" style={{ height: 2 }} />);
  const bar = screen.getByRole('progressbar', { name: 'Loading page' });
  expect(bar).toHaveStyle({ height: '2px' });
  expect(bar).not.toHaveAttribute('aria-valuenow'); // indeterminate
});
