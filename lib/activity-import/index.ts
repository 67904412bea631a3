import { parseFit } from "./fit";
import { parseGpx } from "./gpx";
import { parseTcx } from "./tcx";
import { ActivityFileError, type ActivityFormat, type ParsedActivity } from "./types";

export { ActivityFileError, isActivityFileError } from "./types";
export type { ActivityFileErrorCode, ActivityFormat, ParsedActivity, ParsedLap } from "./types";

// A two-hour run recorded every second is under 1 MB as FIT and a few MB as TCX/GPX; anything far
// beyond that is not a single run and would only tie up the server parsing it.
export const MAX_ACTIVITY_FILE_BYTES = 10 * 1024 * 1024;

const SNIFF_BYTES = 4096;

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0): boolean =>
  signature.every((byte, i) => bytes[at + i] === byte);

const FIT_SIGNATURE = [0x2e, 0x46, 0x49, 0x54]; // ".FIT" at byte 8
const GZIP_SIGNATURE = [0x1f, 0x8b];
const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];

/**
 * Content first, extension second: people rename files, and some apps save TCX as .xml.
 * Returns null when neither the bytes nor the name say what the file is.
 */
export function detectActivityFormat(bytes: Uint8Array, fileName: string): ActivityFormat | null {
  if (startsWith(bytes, FIT_SIGNATURE, 8)) return "fit";
  const head = new TextDecoder("utf-8").decode(bytes.subarray(0, SNIFF_BYTES));
  if (/<(\w+:)?TrainingCenterDatabase[\s>]/.test(head)) return "tcx";
  if (/<(\w+:)?gpx[\s>]/.test(head)) return "gpx";
  const extension = fileName.toLowerCase().match(/\.(fit|tcx|gpx)$/)?.[1];
  return extension === "fit" || extension === "tcx" || extension === "gpx" ? extension : null;
}

/** Turns an uploaded activity file into plain numbers, or throws an ActivityFileError. */
export function parseActivityFile(bytes: Uint8Array, fileName: string): ParsedActivity {
  if (bytes.length === 0) {
    throw new ActivityFileError("empty", "This file is empty. Export the activity again from your watch app.");
  }
  if (bytes.length > MAX_ACTIVITY_FILE_BYTES) {
    throw new ActivityFileError(
      "too_large",
      "This file is larger than 10 MB, which is far more than one run needs. Export just the one activity and try again.",
      `${bytes.length} bytes`,
    );
  }
  if (startsWith(bytes, GZIP_SIGNATURE) || startsWith(bytes, ZIP_SIGNATURE)) {
    throw new ActivityFileError(
      "unsupported",
      "This file is compressed (.gz or .zip). Unzip it first, then upload the .fit, .tcx or .gpx file inside.",
    );
  }

  switch (detectActivityFormat(bytes, fileName)) {
    case "fit":
      return parseFit(bytes);
    case "tcx":
      return parseTcx(bytes);
    case "gpx":
      return parseGpx(bytes);
    case null:
      throw new ActivityFileError(
        "unsupported",
        "We can read FIT, TCX and GPX activity files, and this isn't one of them. Export the activity from your watch app in one of those formats.",
      );
  }
}
