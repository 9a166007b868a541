// Zoom and pan on an SVG, remembered in the panel state so live updates and
// reloads keep the user's view.
import * as d3 from 'd3';

export interface ZoomTransform { x: number; y: number; k: number }

/** Below this scale, 11px labels are under 5px on screen. */
export const FAR = 0.45;

/** Readable text: the graph's 14px labels are still 10px on screen at this scale. */
export const READABLE = 0.72;

/** Space kept between a fitted drawing and the viewport's edges. */
export const MARGIN = 12;

export interface FitOptions {
  /** Never shrink below this (labels stay readable); the rest is a pan away. */
  minScale?: number;
  /** Never enlarge beyond this. */
  maxScale?: number;
  /** The point of the drawing to show when it does not fit whole (its output);
   *  without it, the drawing's start (top left) is shown. */
  focus?: { x: number; y: number };
}

export interface Zoomer {
  set(t: ZoomTransform): void;
  /** The transform shown now. */
  current(): ZoomTransform;
  /** Scales and centres a content box into the viewport. */
  fit(box: { width: number; height: number }, viewport: { width: number; height: number }, options?: FitOptions): ZoomTransform;
}

/** Where a drawing of `size` (already scaled) goes in a viewport of `view`:
 *  centred if it fits; else around `centre` without blank space past its ends. */
function place(size: number, view: number, centre: number | undefined): number {
  if (size <= view - 2 * MARGIN) return (view - size) / 2;
  const want = centre === undefined ? MARGIN : view / 2 - centre;
  return Math.min(MARGIN, Math.max(view - MARGIN - size, want));
}

export function fitTransform(box: { width: number; height: number }, vp: { width: number; height: number }, o: FitOptions = {}): ZoomTransform {
  const maxScale = o.maxScale ?? 1.5;
  const whole = Math.min(maxScale, (vp.width - 2 * MARGIN) / Math.max(1, box.width), (vp.height - 2 * MARGIN) / Math.max(1, box.height));
  const k = Math.max(whole, Math.min(o.minScale ?? 0, maxScale));
  return {
    k,
    x: place(box.width * k, vp.width, o.focus && o.focus.x * k),
    y: place(box.height * k, vp.height, o.focus && o.focus.y * k),
  };
}

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
    current() {
      const t = d3.zoomTransform(svg);
      return { x: t.x, y: t.y, k: t.k };
    },
    fit: fitTransform,
  };
}
