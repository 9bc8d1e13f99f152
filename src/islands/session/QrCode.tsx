/**
 * QR codes drawn as SVG (no canvas, no inline styles), from `qrcode-generator`: one code, or a
 * numbered set shown one at a time. Each module is a whole number of CSS pixels (`modulePx`) and
 * drawn with crisp edges, so a phone camera reads it from a screen at 1× (see `maxQrVersion`).
 */
import { useState } from 'react';
import qrcode from 'qrcode-generator';

/** CSS pixels a module: with version 20's 105 modules (quiet zone included), 420 px. */
const modulePx = 4;
/** The blank border scanners need, in modules. */
const quiet = 4;

export function QrCode({ text, label }: { text: string; label: string }) {
  const qr = qrcode(0, 'L'); // the smallest version that holds the link; carry.ts keeps links within version 20
  qr.addData(text, 'Byte');
  qr.make();
  const size = qr.getModuleCount();
  let path = '';
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) if (qr.isDark(row, col)) path += `M${col + quiet} ${row + quiet}h1v1h-1z`;
  }
  const full = size + quiet * 2;
  return (
    <svg
      className="qr"
      viewBox={`0 0 ${full} ${full}`}
      width={full * modulePx}
      height={full * modulePx}
      role="img"
      aria-label={label}
      shapeRendering="crispEdges"
    >
      <rect width={full} height={full} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}

interface Props {
  urls: string[];
  /** `end.qrLabel`, and for a numbered set `end.qrParts`, `end.qrCount`, `end.qrPartLabel`, `end.qrPrevious`, `end.qrNext`. */
  labels: Record<string, string>;
}

/** The codes for a hand-over: one, or "Code 1 of 3" with Previous and Next. Give it a `key` that changes with `urls`. */
export function QrCodes({ urls, labels }: Props) {
  const [shown, setShown] = useState(0);
  const current = Math.min(shown, urls.length - 1);
  const l = (key: string) => (labels[key] ?? key).replace('{part}', String(current + 1)).replace('{count}', String(urls.length));
  if (urls.length === 1) return <QrCode text={urls[0]!} label={l('end.qrLabel')} />;
  // aria-disabled, not disabled: the button keeps keyboard focus at the first and last code.
  const step = (by: number) => setShown(Math.max(0, Math.min(urls.length - 1, current + by)));
  return (
    <div className="qr-codes">
      <p>{l('end.qrParts')}</p>
      <p className="qr-codes__count" aria-live="polite">
        {l('end.qrCount')}
      </p>
      <QrCode text={urls[current]!} label={l('end.qrPartLabel')} />
      <p className="qr-codes__nav">
        <button type="button" className="button button--secondary" aria-disabled={current === 0} onClick={() => step(-1)}>
          {l('end.qrPrevious')}
        </button>
        <button type="button" className="button" aria-disabled={current === urls.length - 1} onClick={() => step(1)}>
          {l('end.qrNext')}
        </button>
      </p>
    </div>
  );
}
