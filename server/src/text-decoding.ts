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
    return { text: new TextDecoder('windows-1252').decode(bytes), binary: false, note: 'not valid UTF-8; read as Windows-1252' };
  }
}
