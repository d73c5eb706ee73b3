// Zoom of the diagram: 'fit' (the width of the view, never above natural size) or a scale factor.
// The SVG's width and height are set from its viewBox, so the view scrolls natively.

export type ZoomMode = 'fit' | number;
const MIN = 0.1;
const MAX = 5;
const STEP = 1.2;

export class Zoom {
  constructor(private readonly viewport: HTMLElement, public mode: ZoomMode, private readonly changed: (mode: ZoomMode) => void) {
    viewport.addEventListener('wheel', (e) => {
      if (!e.ctrlKey && !e.metaKey) return;
      e.preventDefault();
      this.step(e.deltaY < 0 ? 'in' : 'out');
    }, { passive: false });
  }

  /** The scale now in effect for an SVG. */
  scaleOf(svg: SVGSVGElement): number {
    if (this.mode !== 'fit') return this.mode;
    const { width } = naturalSize(svg);
    const room = Math.max(100, this.viewport.clientWidth - 24);
    return Math.min(1, room / width);
  }

  apply(svg: SVGSVGElement | null): void {
    if (!svg) return;
    const { width, height } = naturalSize(svg);
    const s = this.scaleOf(svg);
    svg.setAttribute('width', String(Math.round(width * s)));
    svg.setAttribute('height', String(Math.round(height * s)));
    svg.style.maxWidth = 'none';
    document.body.dataset.zoom = this.mode === 'fit' ? 'fit' : this.mode.toFixed(2);
  }

  step(action: 'in' | 'out' | 'fit' | 'reset'): void {
    const svg = this.viewport.querySelector('svg');
    const current = svg ? this.scaleOf(svg) : 1;
    const v = this.viewport;
    const cx = (v.scrollLeft + v.clientWidth / 2) / Math.max(1, v.scrollWidth);
    const cy = (v.scrollTop + v.clientHeight / 2) / Math.max(1, v.scrollHeight);
    if (action === 'fit') this.mode = 'fit';
    else if (action === 'reset') this.mode = 1;
    else this.mode = clamp(action === 'in' ? current * STEP : current / STEP);
    this.apply(svg);
    // Keep the point at the centre of the view where it was.
    v.scrollLeft = cx * v.scrollWidth - v.clientWidth / 2;
    v.scrollTop = cy * v.scrollHeight - v.clientHeight / 2;
    this.changed(this.mode);
  }
}

function clamp(s: number): number { return Math.min(MAX, Math.max(MIN, Math.round(s * 100) / 100)); }

export function naturalSize(svg: SVGSVGElement): { width: number; height: number } {
  const vb = (svg.getAttribute('viewBox') ?? '').split(/[\s,]+/).map(Number);
  if (vb.length === 4 && vb[2]! > 0 && vb[3]! > 0) return { width: vb[2]!, height: vb[3]! };
  const r = svg.getBBox();
  return { width: Math.max(1, r.width), height: Math.max(1, r.height) };
}
