// Drafts come from Word exports, scanners' OCR and old Windows tools: decode what is there
// rather than refuse it, and say when a guess was made.

export interface Decoded {
  text: string;
  binary: boolean;
  /** Set when the encoding was not plain UTF-8. */
  note?: string;
}

export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), binary: false };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), binary: false, note: 'read as UTF-16 (little-endian)' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), binary: false, note: 'read as UTF-16 (big-endian)' };
  const sample = bytes.subarray(0, 8192);
  if (sample.includes(0)) return { text: '', binary: true };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), binary: false };
  } catch {
    return { text: decodeWindows1252(bytes), binary: false, note: 'not valid UTF-8; read as Windows-1252' };
  }
}

// Bytes 0x80-0x9F in Windows-1252 (smart quotes, dashes); the rest match Latin-1. Written out
// because Node builds without full ICU decode 'windows-1252' as Latin-1.
const CP1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b >= 0x80 && b <= 0x9f ? CP1252[b - 0x80] : String.fromCharCode(b);
  return out;
}
