// Export of the current view as a standalone SVG (colours are already plain
// attributes) or as a PNG drawn from that SVG on a canvas.
import type { Theme } from './theme';

/** A copy of the view's SVG that shows all of it, un-zoomed, on the theme's background. */
export function svgText(svg: SVGSVGElement, theme: Theme): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.classList.remove('tl-far');
  const layer = svg.querySelector(':scope > g.layer') as SVGGElement | null;
  let box = { x: 0, y: 0, width: Number(svg.getAttribute('width')) || svg.clientWidth, height: Number(svg.getAttribute('height')) || svg.clientHeight };
  if (layer) {
    // Zoomable views: export the whole drawing, not the viewport.
    const b = layer.getBBox();
    box = { x: b.x - 16, y: b.y - 24, width: b.width + 32, height: b.height + 40 };
    clone.querySelector(':scope > g.layer')?.removeAttribute('transform');
  }
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('viewBox', `${box.x} ${box.y} ${box.width} ${box.height}`);
  clone.setAttribute('width', String(Math.ceil(box.width)));
  clone.setAttribute('height', String(Math.ceil(box.height)));
  clone.setAttribute('font-family', theme.font);
  const bg = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  bg.setAttribute('x', String(box.x));
  bg.setAttribute('y', String(box.y));
  bg.setAttribute('width', String(box.width));
  bg.setAttribute('height', String(box.height));
  bg.setAttribute('fill', theme.bg);
  clone.insertBefore(bg, clone.firstChild);
  return new XMLSerializer().serializeToString(clone);
}

/** PNG as a data: URL, at twice the size for sharp text. */
export async function pngDataUrl(svg: SVGSVGElement, theme: Theme, scale = 2): Promise<string> {
  const text = svgText(svg, theme);
  const doc = new DOMParser().parseFromString(text, 'image/svg+xml').documentElement;
  const w = Number(doc.getAttribute('width'));
  const h = Number(doc.getAttribute('height'));
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(w * scale);
  canvas.height = Math.ceil(h * scale);
  const c = canvas.getContext('2d')!;
  c.scale(scale, scale);
  c.drawImage(img, 0, 0, w, h);
  return canvas.toDataURL('image/png');
}

/** Standalone page: save through a download link. */
export function download(name: string, data: string, type: string): void {
  const a = document.createElement('a');
  a.href = data.startsWith('data:') ? data : URL.createObjectURL(new Blob([data], { type }));
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
}
