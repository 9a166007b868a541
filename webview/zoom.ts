// Zoom and pan on an SVG, remembered in the panel state so live updates and
// reloads keep the user's view.
import * as d3 from 'd3';

export interface ZoomTransform { x: number; y: number; k: number }

/** Below this scale, 11px labels are under 5px on screen. */
export const FAR = 0.45;

export interface Zoomer {
  set(t: ZoomTransform): void;
  /** Scales and centres a content box into the viewport. */
  fit(box: { width: number; height: number }, viewport: { width: number; height: number }): ZoomTransform;
}

export function attachZoom(
  svg: SVGSVGElement,
  layer: SVGGElement,
  onChange: (t: ZoomTransform) => void,
): Zoomer {
  const zoom = d3
    .zoom<SVGSVGElement, unknown>()
    .scaleExtent([0.05, 8])
    .on('zoom', (e: d3.D3ZoomEvent<SVGSVGElement, unknown>) => {
      layer.setAttribute('transform', e.transform.toString());
      // Level of detail: text too small to read is hidden, which keeps zoom
      // frames short on big graphs (re-rasterising hundreds of labels per frame).
      svg.classList.toggle('tl-far', e.transform.k < FAR);
      if (e.sourceEvent) onChange({ x: e.transform.x, y: e.transform.y, k: e.transform.k });
    });
  const sel = d3.select(svg);
  sel.call(zoom).on('dblclick.zoom', null);
  return {
    set(t) {
      sel.call(zoom.transform, d3.zoomIdentity.translate(t.x, t.y).scale(t.k));
    },
    fit(box, vp) {
      const k = Math.min(1.5, (vp.width - 24) / Math.max(1, box.width), (vp.height - 24) / Math.max(1, box.height));
      return { k, x: (vp.width - box.width * k) / 2, y: Math.max(12, (vp.height - box.height * k) / 2) };
    },
  };
}
