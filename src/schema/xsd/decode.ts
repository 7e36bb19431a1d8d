/** Bytes of a schema file → text: BOM first, then the XML declaration's encoding, else UTF-8. */

export function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder("utf-8").decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  const head = String.fromCharCode(...bytes.subarray(0, Math.min(bytes.length, 200)));
  const m = /^<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head);
  let label = m?.[1]?.toLowerCase() ?? "utf-8";
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    label = "utf-8"; // unknown label: fall back rather than fail; the parser reports bad bytes
    return new TextDecoder(label).decode(bytes);
  }
}
