/**
 * The attachment pool of the demo city: small valid PDF forms drawn by hand (no fonts needed).
 * @module
 */

/** A PDF form in the attachment pool. */
export interface AttachmentFile {
  /** Path relative to the snapshot folder. */
  file: string;
  /** Size in bytes. */
  size: number;
  /** Bytes. */
  bytes: Buffer;
}

/**
 * A small valid PDF (A4) with a drawn form: a title bar and a table of `rows` × `cols`.
 * It holds no text, so it needs no font; it stands in for 申请表 and 清单 attachments.
 */
export function pdfForm(rows: number, cols: number): Buffer {
  const ops: string[] = ['0.2 0.2 0.2 RG', '0.8 w', '0.85 0.1 0.1 rg', '72 770 451 6 re f', '0 0 0 rg'];
  const top = 740;
  const left = 72;
  const width = 451;
  const rowH = Math.min(36, 640 / rows);
  for (let r = 0; r <= rows; r += 1)
    ops.push(`${left} ${(top - r * rowH).toFixed(1)} m ${left + width} ${(top - r * rowH).toFixed(1)} l S`);
  for (let c = 0; c <= cols; c += 1) {
    const x =
      c === 0
        ? left
        : c === cols
          ? left + width
          : left + 110 + ((width - 110) * (c - 1)) / Math.max(1, cols - 1);
    ops.push(`${x.toFixed(1)} ${top} m ${x.toFixed(1)} ${(top - rows * rowH).toFixed(1)} l S`);
  }
  const stream = ops.join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>',
    `<< /Length ${Buffer.byteLength(stream)} >>\nstream\n${stream}\nendstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out);
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** The attachment pool: a dozen PDF forms of different shapes. */
export function planAttachments(): AttachmentFile[] {
  const shapes: [number, number][] = [
    [8, 2],
    [12, 4],
    [16, 3],
    [10, 5],
    [20, 4],
    [6, 2],
    [14, 6],
    [18, 5],
    [9, 3],
    [11, 2],
    [15, 4],
    [7, 3],
  ];
  return shapes.map(([rows, cols], i) => {
    const bytes = pdfForm(rows, cols);
    return { file: `media/att-${String(i + 1).padStart(4, '0')}.pdf`, size: bytes.length, bytes };
  });
}
