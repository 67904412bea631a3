import { XMLParser, XMLValidator } from "fast-xml-parser";
import { ActivityFileError } from "./types";

// Tags that may repeat. Forcing them to arrays spares every caller the one-or-many check.
const REPEATING_TAGS = new Set(["Activity", "Lap", "Track", "Trackpoint", "trk", "trkseg", "trkpt"]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  // TCX and GPX files mix default and prefixed namespaces (gpxtpx:, ns3:); we only need local names
  removeNSPrefix: true,
  // keep everything as text: "0", "undefined" and "" must stay distinguishable until we judge them
  parseTagValue: false,
  parseAttributeValue: false,
  // uploads are untrusted: no entity expansion, so no "billion laughs"
  processEntities: false,
  isArray: (tagName) => REPEATING_TAGS.has(tagName),
});

export type XmlNode = Record<string, unknown>;

export function decodeText(bytes: Uint8Array): string {
  // TextDecoder drops a UTF-8 byte-order mark, which some Windows exporters write
  return new TextDecoder("utf-8").decode(bytes);
}

export function parseXmlDocument(text: string, label: "TCX" | "GPX"): XmlNode {
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    throw new ActivityFileError(
      "unreadable",
      `This ${label} file is damaged or cut short, so we couldn't read it. Export it again from your watch app.`,
      `${valid.err.code} at line ${valid.err.line}: ${valid.err.msg}`,
    );
  }
  let doc: unknown;
  try {
    doc = parser.parse(text);
  } catch (err) {
    // well-formed but refused by the parser, e.g. a DOCTYPE declaring external entities
    throw new ActivityFileError("unreadable", `This ${label} file has content we don't read (${(err as Error).message}). Export it again from your watch app.`, String(err));
  }
  return isNode(doc) ? doc : {};
}

export const isNode = (value: unknown): value is XmlNode =>
  typeof value === "object" && value !== null && !Array.isArray(value);

export const child = (node: unknown, name: string): XmlNode | undefined => {
  const value = isNode(node) ? node[name] : undefined;
  return isNode(value) ? value : undefined;
};

export const children = (node: unknown, name: string): XmlNode[] => {
  const value = isNode(node) ? node[name] : undefined;
  return Array.isArray(value) ? value.filter(isNode) : isNode(value) ? [value] : [];
};

/** Text of a leaf element or attribute; elements with attributes keep theirs under '#text'. */
export function text(node: unknown, name: string): string | null {
  const value = isNode(node) ? node[name] : undefined;
  const raw = isNode(value) ? value["#text"] : value;
  if (typeof raw === "string") return raw.trim();
  if (typeof raw === "number") return String(raw);
  return null;
}

/** A number, or null for anything else, including "" (which Number() would call 0) and "undefined". */
export function numberAt(node: unknown, name: string): number | null {
  const raw = text(node, name);
  if (raw === null || raw === "") return null;
  const value = Number(raw);
  return Number.isFinite(value) ? value : null;
}

export function dateAt(node: unknown, name: string): Date | null {
  const raw = text(node, name);
  if (!raw) return null;
  // GPX and TCX times are UTC by specification; a zone-less one would otherwise be read as the
  // server's local time
  const zoned = /T[\d:.]+$/.test(raw) ? `${raw}Z` : raw;
  const date = new Date(zoned);
  return Number.isNaN(date.getTime()) ? null : date;
}
