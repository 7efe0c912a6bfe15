/**
 * Node-only: turns the bytes of a saved page into text the way a browser
 * opening the file would (the HTML standard's encoding sniffing, without an
 * HTTP header): a byte order mark, else the `<meta charset>` or
 * `<meta http-equiv="Content-Type">` found in the first 1024 bytes, else a
 * guess from the bytes, else windows-1252.
 *
 * The guess is the step the standard leaves to the browser ("may attempt to
 * autodetect"): Chrome and Firefox both recognise well-formed UTF-8 in an
 * unlabelled file, and saved pages are very often UTF-8 whose server header
 * was lost. Bytes that are not valid UTF-8 fall back to windows-1252, the
 * standard's default. Reading every file as UTF-8 garbled legacy pages;
 * reading unlabelled UTF-8 as windows-1252 (jsdom given a Buffer) garbles
 * every non-ASCII character of the rest.
 *
 * Sniffing and decoding are jsdom's own (`html-encoding-sniffer` and
 * `@exodus/bytes`, resolved from jsdom's install so both always agree with
 * `new JSDOM(bytes)`). Node's `TextDecoder` is not used to decode: it reads
 * "windows-1252" as ISO-8859-1 (curly quotes and dashes become C1 controls).
 */
import { createRequire } from 'node:module';
import { gunzipSync } from 'node:zlib';

type Sniffer = (bytes: Uint8Array, options?: { defaultEncoding?: string | null }) => string | null;
interface Encodings {
  /** The Encoding standard's "decode": a BOM wins over `encoding`. */
  legacyHookDecode(bytes: Uint8Array, encoding: string): string;
  labelToName(label: string): string | null;
}

let jsdomParts: { sniff: Sniffer; encodings: Encodings } | null = null;
/** jsdom's own sniffer and decoder, loaded on first use from where jsdom finds them. */
function fromJsdom(): { sniff: Sniffer; encodings: Encodings } {
  if (!jsdomParts) {
    const requireFromJsdom = createRequire(createRequire(import.meta.url).resolve('jsdom'));
    jsdomParts = {
      sniff: requireFromJsdom('html-encoding-sniffer') as Sniffer,
      encodings: requireFromJsdom('@exodus/bytes/encoding.js') as Encodings,
    };
  }
  return jsdomParts;
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export interface DecodedHtml {
  html: string;
  /** The encoding used, as the WHATWG Encoding standard names it, lower-cased ("shift_jis"). */
  encoding: string;
  /** Where the encoding came from: the page's BOM or `<meta>`, or the bytes themselves. */
  source: 'declared' | 'utf-8 bytes' | 'default';
}

/** Decodes the bytes of an HTML page as a browser opening the file would (see the module comment). */
export function decodeHtml(bytes: Uint8Array): DecodedHtml {
  const { sniff, encodings } = fromJsdom();
  // Without a default, the sniffer answers null when neither a BOM nor a <meta> names the encoding.
  const declared = sniff(bytes, { defaultEncoding: null });
  let label: string;
  let source: DecodedHtml['source'];
  if (declared) [label, source] = [declared, 'declared'];
  else if (isUtf8(bytes)) [label, source] = ['utf-8', 'utf-8 bytes'];
  else [label, source] = ['windows-1252', 'default'];
  const encoding = encodings.labelToName(label) ?? label;
  return { html: encodings.legacyHookDecode(bytes, encoding), encoding: encoding.toLowerCase(), source };
}

/** True for gzip data (its magic bytes), so `.html.gz` files and gzipped downloads both work. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Decodes a saved page's bytes, gunzipping them first when they are gzip data. */
export function decodeHtmlFile(bytes: Uint8Array): DecodedHtml {
  return decodeHtml(isGzip(bytes) ? gunzipSync(bytes) : bytes);
}
