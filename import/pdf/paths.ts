/**
 * A page's operator list → the ruling lines drawn on it, as thin boxes in display space.
 * Producers draw table borders as stroked lines (Word, WPS, most converters), as stroked
 * rectangles, or as thin filled rectangles (Chromium/Skia, some Office versions); all three give
 * boxes here. Curves, clip paths and wide fills (backgrounds, shading) are not rules.
 * The current transformation matrix is followed through save/restore, `cm` and form XObjects.
 */
import type { Box } from './geometry';
import { applyTransform, transform } from './pieces';

/** The pdf.js operator codes used here (pdfjs `OPS`). */
export interface OpCodes {
  save: number;
  restore: number;
  transform: number;
  setLineWidth: number;
  constructPath: number;
  moveTo: number;
  lineTo: number;
  curveTo: number;
  curveTo2: number;
  curveTo3: number;
  closePath: number;
  rectangle: number;
  stroke: number;
  closeStroke: number;
  fill: number;
  eoFill: number;
  fillStroke: number;
  eoFillStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
  endPath: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
}

interface SubPath {
  pts: [number, number][];
  closed: boolean;
}

export interface RuleLimits {
  /** Thicker boxes are backgrounds, not rules (points). */
  maxThickness: number;
  /** Shorter boxes are dots and corners, not rules (points). */
  minLength: number;
  /** Stop (and report) after this many path coordinates on the page. */
  maxCoords: number;
}

export class TooManyPathOps extends Error {}

/** Straight axis-aligned strokes: at most this far off an axis (points), else a slanted line. */
const STRAIGHT_TOLERANCE = 0.5;

export function rulesOf(fnArray: number[], argsArray: unknown[], OPS: OpCodes, viewport: number[], limits: RuleLimits): Box[] {
  const rules: Box[] = [];
  const stack: { ctm: number[]; lw: number }[] = [];
  let ctm = viewport;
  let lw = 1;
  let path: SubPath[] = [];
  let coords = 0;
  const scaleOf = (m: number[]) => Math.sqrt(Math.abs(m[0] * m[3] - m[1] * m[2])) || 1;
  const addBox = (b: Box) => {
    const w = b.x1 - b.x0;
    const h = b.y1 - b.y0;
    if (Math.min(w, h) > limits.maxThickness || Math.max(w, h) < limits.minLength) return;
    rules.push(b);
  };
  const strokePath = () => {
    const half = Math.max((lw * scaleOf(ctm)) / 2, 0.05);
    for (const sp of path) {
      const pts = sp.closed && sp.pts.length > 1 ? [...sp.pts, sp.pts[0]] : sp.pts;
      for (let i = 1; i < pts.length; i++) {
        const [x0, y0] = pts[i - 1];
        const [x1, y1] = pts[i];
        if (Math.abs(y1 - y0) <= STRAIGHT_TOLERANCE || Math.abs(x1 - x0) <= STRAIGHT_TOLERANCE) {
          addBox({
            x0: Math.min(x0, x1) - half,
            x1: Math.max(x0, x1) + half,
            y0: Math.min(y0, y1) - half,
            y1: Math.max(y0, y1) + half,
          });
        }
      }
    }
  };
  // A filled sub-path as thin as a rule is one, whatever its exact shape: Chromium draws
  // inset/outset borders as trapezoids with bevelled ends.
  const fillPath = () => {
    for (const sp of path) {
      if (sp.pts.length < 3) continue;
      const xs = sp.pts.map((q) => q[0]);
      const ys = sp.pts.map((q) => q[1]);
      addBox({ x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) });
    }
  };
  const ops = fnArray.length;
  for (let i = 0; i < ops; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null;
    if (fn === OPS.save) stack.push({ ctm, lw });
    else if (fn === OPS.restore) {
      const s = stack.pop();
      if (s) ({ ctm, lw } = s);
    } else if (fn === OPS.transform && args) ctm = transform(ctm, args as number[]);
    else if (fn === OPS.paintFormXObjectBegin && args) {
      stack.push({ ctm, lw });
      const m = args[0] as number[] | null;
      if (m && m.length === 6) ctm = transform(ctm, Array.from(m));
    } else if (fn === OPS.paintFormXObjectEnd) {
      const s = stack.pop();
      if (s) ({ ctm, lw } = s);
    } else if (fn === OPS.setLineWidth && args) lw = Number(args[0]) || 0;
    else if (fn === OPS.constructPath && args) {
      const pathOps = args[0] as number[];
      const c = args[1] as ArrayLike<number>;
      coords += c.length;
      if (coords > limits.maxCoords) throw new TooManyPathOps();
      let k = 0;
      let cur: SubPath | undefined;
      const pt = (x: number, y: number) => applyTransform(ctm, x, y);
      for (const op of pathOps) {
        if (op === OPS.moveTo) {
          cur = { pts: [pt(c[k], c[k + 1])], closed: false };
          path.push(cur);
          k += 2;
        } else if (op === OPS.lineTo) {
          if (!cur) {
            cur = { pts: [], closed: false };
            path.push(cur);
          }
          cur.pts.push(pt(c[k], c[k + 1]));
          k += 2;
        } else if (op === OPS.curveTo) {
          // A curve ends the straight run: start a new sub-path at its end point.
          cur = { pts: [pt(c[k + 4], c[k + 5])], closed: false };
          path.push(cur);
          k += 6;
        } else if (op === OPS.curveTo2 || op === OPS.curveTo3) {
          cur = { pts: [pt(c[k + 2], c[k + 3])], closed: false };
          path.push(cur);
          k += 4;
        } else if (op === OPS.closePath) {
          if (cur) cur.closed = true;
        } else if (op === OPS.rectangle) {
          const [x, y, w, h] = [c[k], c[k + 1], c[k + 2], c[k + 3]];
          path.push({ pts: [pt(x, y), pt(x + w, y), pt(x + w, y + h), pt(x, y + h)], closed: true });
          cur = undefined;
          k += 4;
        }
      }
    } else if (fn === OPS.stroke || fn === OPS.closeStroke) {
      strokePath();
      path = [];
    } else if (fn === OPS.fill || fn === OPS.eoFill) {
      fillPath();
      path = [];
    } else if (fn === OPS.fillStroke || fn === OPS.eoFillStroke || fn === OPS.closeFillStroke || fn === OPS.closeEOFillStroke) {
      fillPath();
      strokePath();
      path = [];
    } else if (fn === OPS.endPath) path = [];
  }
  return rules;
}
