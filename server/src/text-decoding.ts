// Drafts come from Word exports, scanners' OCR and old Windows tools: decode what is there
// rather than refuse it, and say when a guess was made.

/** How the bytes were read, so a fixed file can be written back the same way. */
export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface Decoded {
  text: string;
  binary: boolean;
  /** Set when the encoding was not plain UTF-8. */
  note?: string;
  encoding?: TextEncoding;
}

export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), binary: false, encoding: 'utf-8-bom' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), binary: false, note: 'read as UTF-16 (little-endian)', encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), binary: false, note: 'read as UTF-16 (big-endian)', encoding: 'utf-16be' };
  const sample = bytes.subarray(0, 8192);
  if (sample.includes(0)) return { text: '', binary: true };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), binary: false, encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(bytes), binary: false, note: 'not valid UTF-8; read as Windows-1252', encoding: 'windows-1252' };
  }
}

// Bytes 0x80-0x9F in Windows-1252 (smart quotes, dashes); the rest match Latin-1. Written out
// because Node builds without full ICU decode 'windows-1252' as Latin-1.
const CP1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

export function decodeWindows1252(bytes: Uint8Array): string {
  // Latin-1 in one native pass, then the 0x80-0x9F block: linear in time and memory (a
  // character-by-character concatenation took 2 GB for a 50 MB file).
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('latin1')
    .replace(/[\u0080-\u009f]/g, (c) => CP1252[c.charCodeAt(0) - 0x80]);
}

/**
 * Text back to bytes in the encoding it was read in (a fixed file keeps its encoding and byte
 * order mark). Throws when a character has no Windows-1252 byte; fixes write only digits and
 * words, so that means the text was not read from such a file.
 */
export function encodeText(text: string, encoding: TextEncoding): Buffer {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf-16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf-16be':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
    case 'windows-1252': {
      const out = Buffer.alloc(text.length);
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        const special = CP1252.indexOf(text[i]);
        if (c < 0x80 || (c >= 0xa0 && c <= 0xff)) out[i] = c;
        else if (special >= 0) out[i] = 0x80 + special;
        else throw new Error(`character U+${c.toString(16).padStart(4, '0')} has no Windows-1252 byte`);
      }
      return out;
    }
  }
}
