// The host site's colour (--callboard-color, sent by the widget's script as the browser computed it) as
// the chat's accent, with whichever of white or near-black text reads better on it: any colour a site
// picks keeps its text legible (one of the two always has a contrast of at least 4.5:1).
import type { CSSProperties } from "react";

function channels(color: string): [number, number, number] | null {
  const rgb = /^rgba?\(\s*(\d{1,3})[\s,]+(\d{1,3})[\s,]+(\d{1,3})\s*(?:[,/]\s*[\d.]+%?\s*)?\)$/i.exec(color.trim());
  if (rgb) {
    const values = [1, 2, 3].map((i) => Number(rgb[i]));
    return values.every((v) => v <= 255) ? (values as [number, number, number]) : null;
  }
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  if (!hex) return null;
  const h = hex[1].length === 3 ? [...hex[1]].map((c) => c + c).join("") : hex[1];
  return [0, 2, 4].map((i) => Number.parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
}

function luminance([r, g, b]: [number, number, number]): number {
  const lin = (v: number) => {
    const s = v / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

const DARK_TEXT = "#0f172a"; // slate-900
const DARK_LUMINANCE = luminance([15, 23, 42]);

/** CSS custom properties for the chat, or undefined to keep the default (indigo) for an unusable colour. */
export function accentStyle(color: string | null | undefined): CSSProperties | undefined {
  const c = color ? channels(color) : null;
  if (!c) return undefined;
  const l = luminance(c);
  const onWhite = 1.05 / (l + 0.05);
  const onDark = (l + 0.05) / (DARK_LUMINANCE + 0.05);
  return { "--chat-accent": `rgb(${c.join(" ")})`, "--chat-on-accent": onWhite >= onDark ? "#fff" : DARK_TEXT } as CSSProperties;
}
