/**
 * Builders for hostile packages and PDFs, generated in the tests rather than committed: a zip
 * writer that can lie (end record count, declared sizes, compression method), and PDF writers
 * for a flate bomb and a long page tree.
 */
import { crc32, deflateRawSync, deflateSync } from 'node:zlib';

/** One zip entry; `declaredSize`, `method` and `crc` override what the writer would record. */
export interface ZipPart {
  name: string;
  data: Uint8Array | string;
  declaredSize?: number;
  method?: number;
  crc?: number;
}

/** A zip with deflated entries; `declaredCount` overrides the end record's entry count. */
export function writeZip(parts: readonly ZipPart[], options: { declaredCount?: number; level?: number } = {}): Uint8Array {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const data = typeof part.data === 'string' ? Buffer.from(part.data) : Buffer.from(part.data.buffer, part.data.byteOffset, part.data.byteLength);
    const stored = deflateRawSync(data, { level: options.level ?? 6 });
    const name = Buffer.from(part.name);
    const header = (central: boolean) => {
      const b = Buffer.alloc(central ? 46 : 30);
      b.writeUInt32LE(central ? 0x02014b50 : 0x04034b50, 0);
      const o = central ? 2 : 0; // central records carry "version made by" first
      b.writeUInt16LE(20, 4 + o);
      b.writeUInt16LE(0, 6 + o);
      b.writeUInt16LE(part.method ?? 8, 8 + o);
      b.writeUInt32LE(part.crc ?? crc32(data), 14 + o);
      b.writeUInt32LE(stored.length, 18 + o);
      b.writeUInt32LE(part.declaredSize ?? data.length, 22 + o);
      b.writeUInt16LE(name.length, 26 + o);
      if (central) b.writeUInt32LE(offset, 42);
      return b;
    };
    central.push(header(true), name);
    const local = Buffer.concat([header(false), name, stored]);
    locals.push(local);
    offset += local.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(options.declaredCount ?? parts.length, 8);
  end.writeUInt16LE(options.declaredCount ?? parts.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, dir, end]));
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** The package parts of a minimal DOCX around `documentXml`. */
export function docxParts(documentXml: Uint8Array | string): ZipPart[] {
  return [
    { name: '[Content_Types].xml', data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>' },
    { name: '_rels/.rels', data: '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>' },
    { name: 'word/document.xml', data: documentXml },
  ];
}

/** A document.xml with these paragraphs. */
export function documentXml(paragraphs: readonly string[]): string {
  return `<?xml version="1.0"?><w:document xmlns:w="${W}"><w:body>${paragraphs.map((p) => `<w:p><w:r><w:t>${p}</w:t></w:r></w:p>`).join('')}</w:body></w:document>`;
}

/**
 * An honest document.xml of about `megabytes` MB: varied words (it compresses about 5:1, like
 * real text, so no ratio check trips), built in 1 MB pieces.
 */
export function largeDocumentXml(megabytes: number): Uint8Array {
  const words = ['provider', 'plan', 'shall', 'claims', 'payment', 'days', 'notice', 'member', 'terminate', 'agreement', 'services', 'covered', 'within', 'thirty', 'audit', 'records'];
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff);
  const pieces: Buffer[] = [Buffer.from(`<?xml version="1.0"?><w:document xmlns:w="${W}"><w:body>`)];
  for (let mb = 0; mb < megabytes; mb++) {
    let piece = '';
    while (piece.length < 1024 * 1024) {
      let sentence = `${next() % 100}.${next() % 10}`;
      for (let i = 0; i < 24; i++) sentence += ` ${words[next() % words.length]}${next() % 7 === 0 ? next() % 1000 : ''}`;
      piece += `<w:p><w:r><w:t>${sentence}.</w:t></w:r></w:p>`;
    }
    pieces.push(Buffer.from(piece));
  }
  pieces.push(Buffer.from('</w:body></w:document>'));
  return new Uint8Array(Buffer.concat(pieces));
}

/** A PDF from object bodies (object 1 is the catalog); stream bodies are given whole. */
export function writePdf(objects: readonly (string | Buffer)[]): Uint8Array {
  const chunks: Buffer[] = [Buffer.from('%PDF-1.7\n')];
  let length = chunks[0]!.length;
  const offsets = objects.map((body, i) => {
    const at = length;
    const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), Buffer.from(body), Buffer.from('\nendobj\n')]);
    chunks.push(chunk);
    length += chunk.length;
    return at;
  });
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  chunks.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`));
  return new Uint8Array(Buffer.concat(chunks));
}

/** A one-page PDF whose content stream inflates to `megabytes` MB of spaces (about 0.1% of that on disk). */
export function flateBombPdf(megabytes: number): Uint8Array {
  const packed = deflateSync(Buffer.alloc(megabytes * 1024 * 1024, 0x20), { level: 9 });
  return writePdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>',
    Buffer.concat([Buffer.from(`<< /Length ${packed.length} /Filter /FlateDecode >>\nstream\n`), packed, Buffer.from('\nendstream')]),
  ]);
}

/** A PDF of `pages` empty pages. */
export function manyPagesPdf(pages: number): Uint8Array {
  const kids = Array.from({ length: pages }, (_, i) => `${i + 3} 0 R`).join(' ');
  return writePdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`,
    ...Array.from({ length: pages }, () => '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>'),
  ]);
}
