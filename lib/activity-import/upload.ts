import { ActivityFileError, MAX_ACTIVITY_FILE_BYTES, type ParsedActivity } from "./index";
import { parseInWorker } from "./parse-pool";

/** Reads an uploaded File into a parsed activity (in a worker thread), with the size limit checked before reading. */
export async function parseUpload(file: File): Promise<ParsedActivity> {
  if (file.size > MAX_ACTIVITY_FILE_BYTES) {
    throw new ActivityFileError("too_large", "This file is larger than 10 MB. Export just the one activity from your watch app.");
  }
  return parseInWorker(new Uint8Array(await file.arrayBuffer()), file.name);
}
