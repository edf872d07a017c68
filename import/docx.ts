/**
 * DOCX → HTML with mammoth (tables keep their merged cells as colspan/rowspan), then the
 * HTML path. Line numbers of a DOCX import count paragraphs and table rows: the HTML is
 * broken before every paragraph, heading and row so that "line N" means "the Nth one".
 */
import mammoth from 'mammoth';

export async function docxToHtml(bytes: Uint8Array): Promise<{ html: string; messages: string[] }> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const result = await mammoth.convertToHtml(
    { buffer },
    {
      externalFileAccess: false,
      ignoreEmptyParagraphs: false,
      convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
    },
  );
  const html = result.value.replace(/<(p|h[1-6]|tr|table|li)([\s>])/g, '\n<$1$2');
  return { html, messages: result.messages.map((m) => `${m.type}: ${m.message}`) };
}

/** Is this a ZIP (a DOCX) by its magic number? */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}
