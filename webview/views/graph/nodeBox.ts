// The size and text rows of one node box, shared by the layout (which needs
// the size) and the renderer (which places the rows). Fonts are a little
// larger than the panel's body text because a fitted graph is drawn scaled
// down: 14px labels stay 10px or more on screen down to a scale of 0.72.
import { fmt, textWidth } from '../../format';
import type { VisibleNode } from './model';

export const FONT = { label: 14, detail: 12, small: 12 } as const;
export const PAD_X = 7;
/** Baselines of the rows: op name, shape, and for a folded node what it computes. */
export const ROW = { label: 18, detail: 34, sub: 50 } as const;
/** A row is this tall; the preview row follows the last text row. */
export const ROW_STEP = 16;

/** Top of the preview row (value text or heat cells). */
export function previewTop(n: VisibleNode): number {
  return (n.kind === 'group' ? ROW.sub : ROW.detail) + 4;
}

/** The values a node prints as text (one or two numbers); more become cells. */
export function previewText(n: VisibleNode): string {
  const vals = n.rep.value?.sample.values ?? [];
  return vals.length > 0 && vals.length <= 2 ? vals.slice(0, 2).map(fmt).join(', ') : '';
}

export function hasPreview(n: VisibleNode): boolean {
  return (n.rep.value?.sample.values.length ?? 0) > 0;
}

export function detailText(n: VisibleNode): string {
  return n.detail + (n.rep.requiresGrad && n.kind !== 'group' && n.rep.gradFn === undefined ? ' · grad' : '');
}

/** Nodes of an unfolded group carry a "⊟ group" badge (click: fold again)
 *  inside the box, right of the label: above the box it would sit on the
 *  arrows coming in when the graph runs top to bottom. */
export const BADGE_FONT = 11;
export function badgeText(n: VisibleNode): string {
  return n.kind !== 'group' && n.groupId ? `⊟ ${n.groupLabel}` : '';
}
export function badgeWidth(n: VisibleNode): number {
  const t = badgeText(n);
  return t ? textWidth(t, BADGE_FONT) + 8 : 0;
}

export function nodeWidth(n: VisibleNode): number {
  const badge = badgeWidth(n);
  const texts = [
    textWidth(n.kind === 'group' ? `⊞ ${n.label}` : n.label, FONT.label) + (badge ? badge + 8 : 0),
    textWidth(detailText(n), FONT.detail),
    n.sub ? textWidth(`= ${n.sub}`, FONT.small) : 0,
    textWidth(previewText(n), FONT.small),
    // Room for a row of heat cells (they shrink to fit up to 12).
    hasPreview(n) ? 64 : 48,
  ];
  return Math.max(...texts) + 2 * PAD_X;
}

export function nodeHeight(n: VisibleNode): number {
  return previewTop(n) + (hasPreview(n) ? ROW_STEP : 0) + 6;
}
