// Zoom and pan on an SVG, remembered in the panel state so live updates and
// reloads keep the user's view.
import * as d3 from 'd3';

export interface ZoomTransform { x: number; y: number; k: number }

/** Below this scale, 11px labels are under 5px on screen. */
export const FAR = 0.45;

export interface Zoomer {
  set(t: ZoomTransform): void;
  /** Scales and centres a content box into the viewport. With `minScale`, never
   *  shrinks below it (labels stay readable): the start of the drawing (its
   *  left, where the inputs are) is shown and the rest is a pan away. */
  fit(box: { width: number; height: number }, viewport: { width: number; height: number }, minScale?: number): ZoomTransform;
}

/** Readable text: 11px labels at this scale are still about 8px on screen. */
export const READABLE = 0.72;

export function attachZoom(
  svg: SVGSVGElement,
  layer: SVGGElement,
  onChange: (t: ZoomTransform) => void,
  /** Whether the drawing is big enough for level of detail to pay off. */
  big: () => boolean = () => false,
): Zoomer {
  const zoom = d3
    .zoom<SVGSVGElement, unknown>()
    .scaleExtent([0.05, 8])
    .on('zoom', (e: d3.D3ZoomEvent<SVGSVGElement, unknown>) => {
      layer.setAttribute('transform', e.transform.toString());
      // Level of detail: text too small to read is hidden, which keeps zoom
      // frames short on big graphs (re-rasterising hundreds of labels per frame).
      svg.classList.toggle('tl-far', e.transform.k < FAR && big());
      if (e.sourceEvent) onChange({ x: e.transform.x, y: e.transform.y, k: e.transform.k });
    });
  const sel = d3.select(svg);
  sel.call(zoom).on('dblclick.zoom', null);
  return {
    set(t) {
      sel.call(zoom.transform, d3.zoomIdentity.translate(t.x, t.y).scale(t.k));
    },
    fit(box, vp, minScale = 0) {
      const whole = Math.min(1.5, (vp.width - 24) / Math.max(1, box.width), (vp.height - 24) / Math.max(1, box.height));
      const k = Math.max(whole, Math.min(minScale, 1.5));
      const x = box.width * k <= vp.width - 24 ? (vp.width - box.width * k) / 2 : 12;
      const y = box.height * k <= vp.height - 24 ? (vp.height - box.height * k) / 2 : 12;
      return { k, x, y };
    },
  };
}
