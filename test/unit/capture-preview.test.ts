// The sentences that say, before saving, what a capture, paste or import would invalidate.
import { describe, expect, it } from 'vitest';
import { capturePreviewText, invalidatesText, seqRuns } from '../../src/i18n/capture-preview';

describe('what saving would invalidate, in words', () => {
  it('writes runs of three or more codes as a range, shorter ones one by one', () => {
    expect(seqRuns([])).toBe('');
    expect(seqRuns([3])).toBe('#3');
    expect(seqRuns([2, 1])).toBe('#1, #2');
    expect(seqRuns([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16])).toBe('#1–#16');
    expect(seqRuns([9, 1, 2, 3, 5, 7, 8])).toBe('#1–#3, #5, #7–#9');
    expect(seqRuns([1, 2, 4, 5])).toBe('#1, #2, #4, #5');
  });

  it('names a batch site’s rule: a new set replaces the old one', () => {
    expect(invalidatesText([1, 2, 3], 'GitHub', 'batch')).toBe(
      'This makes #1–#3 invalid in Sparekey: a new set of GitHub codes replaces the old one, and the old one stops working.',
    );
  });

  it('keeps X’s sentence for the ordered policy, and when the policy is not known', () => {
    const x = 'This makes #1, #2, #3 invalid in Sparekey: X keeps only its newest codes valid.';
    expect(invalidatesText([1, 2, 3], 'X', 'ordered')).toBe(x);
    expect(invalidatesText([1, 2, 3], 'X')).toBe(x);
  });

  it('joins what a capture adds and what it invalidates', () => {
    const preview = { revision: 1, adds: ['…ab12'], invalidates: [1, 2, 3, 4] };
    expect(capturePreviewText(preview, 'Google', 'batch')).toMatch(/…ab12.* #1–#4 invalid in Sparekey: a new set of Google codes/);
    expect(capturePreviewText({ ...preview, invalidates: [] }, 'Google', 'batch')).not.toMatch(/invalid/);
  });
});
