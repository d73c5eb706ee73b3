// SVG and PNG export: a self-contained copy of the diagram (its styles inside, a background behind it).
import type { Localizer } from '../core/i18n/format.ts';
import { naturalSize } from './zoom.ts';

/** A standalone SVG document of the diagram at natural size, without the preview's hover targets. */
export function svgDocument(svg: SVGSVGElement, background: string): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  for (const el of clone.querySelectorAll('.tcpseq-hit')) el.remove();
  for (const el of clone.querySelectorAll('.tcpseq-current')) el.classList.remove('tcpseq-current');
  const { width, height } = naturalSize(svg);
  clone.setAttribute('width', String(Math.ceil(width)));
  clone.setAttribute('height', String(Math.ceil(height)));
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.style.maxWidth = '';
  clone.style.backgroundColor = background;
  const vb = (clone.getAttribute('viewBox') ?? '').split(/[\s,]+/).map(Number);
  const bg = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  bg.setAttribute('x', String(vb[0] ?? 0));
  bg.setAttribute('y', String(vb[1] ?? 0));
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', background);
  if (vb.length === 4) { bg.setAttribute('width', String(vb[2])); bg.setAttribute('height', String(vb[3])); }
  clone.insertBefore(bg, clone.firstChild);
  return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(clone);
}

/** Rasterises an SVG document to a PNG (base64, without the data: prefix), at `scale` times its size. */
export async function pngOf(svgText: string, l: Localizer, scale = 2): Promise<string> {
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(img.naturalWidth * scale));
  canvas.height = Math.max(1, Math.round(img.naturalHeight * scale));
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error(l.t('webview.error.noCanvas'));
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  return canvas.toDataURL('image/png').replace(/^data:image\/png;base64,/, '');
}
