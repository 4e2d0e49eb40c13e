// The text a key found in a change is looked for in, in another version of the same file (staged: the
// version in HEAD; history: the first parent's, and HEAD's for atHead). It must be read the way the
// scan read the file, or a key inside it cannot be seen: a binary through its printable strings, an
// archive through its entries (a key in a jar's compressed bytes is invisible otherwise, so every key of
// a modified jar would look new, and none would look still present at HEAD).

/** A version's text: its decoded text, a binary's strings, or an archive's entries each so. Loaded on demand. */
export async function blobText(bytes: Uint8Array, maxFileSize: number): Promise<string> {
  const { containerKind, DEFAULT_ARCHIVE_LIMITS } = await import('../archive/sniff.js');
  const kind = containerKind(bytes);
  if (kind !== undefined) {
    const { archiveText } = await import('../archive/scan.js');
    return archiveText(bytes, kind, DEFAULT_ARCHIVE_LIMITS, maxFileSize);
  }
  const { decode } = await import('../sources/decode.js');
  const decoded = decode(bytes);
  if (!decoded.binary) return decoded.text;
  const { stringsText } = await import('../sources/strings.js');
  return stringsText(bytes);
}

/** The file a location names: `lib/app.jar` for `lib/app.jar!/config/app.properties` (a path inside an archive). */
export function outerPath(path: string): string {
  const cut = path.indexOf('!/');
  return cut < 0 ? path : path.slice(0, cut);
}

/** The decoding stage, loaded the first time a decoded finding is looked up (a plain key never needs it). */
let decoding: typeof import('../decode/index.js') | undefined;
/** The last text decoded and what it gave: a file's findings are looked up in the same version in turn. */
let lastDecoded: { text: string; decoded: string } | undefined;

/**
 * Whether another version's text holds a finding's value: as written, or (for a value found decoded:
 * base64, escapes, pieces joined) in that text decoded the same way.
 */
export async function holds(text: string, finding: { value: string; decoded?: readonly string[] }): Promise<boolean> {
  if (text.includes(finding.value)) return true;
  if (finding.decoded === undefined) return false;
  decoding ??= await import('../decode/index.js');
  if (lastDecoded?.text !== text) lastDecoded = { text, decoded: decoding.decodedTextOf(text) };
  return lastDecoded.decoded.includes(finding.value);
}
