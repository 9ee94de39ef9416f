/** Site-wide names used by layouts and meta tags. */
export const SITE_NAME = 'Vanishing & Exploding Gradients';
export const SITE_DESCRIPTION =
  'An explorable lesson on vanishing and exploding gradients and weight initialization, computed live in your browser.';

/** Formats a frontmatter date for display; dates are calendar days, so UTC avoids off-by-one shifts. */
export function formatDate(date: Date): string {
  return date.toLocaleDateString('en', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
}

/** `YYYY-MM-DD` for `<time datetime>`. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
