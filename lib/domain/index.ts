// Public API of the clinical engine: pure functions over plain data (DESIGN §2, §2a).
export * from "./types";
export * from "./dates";
export * from "./units";
export * from "./load";
export * from "./pain";
export * from "./red-flags";
export * from "./running";
export * from "./history";
export * from "./progression";
export * from "./alerts";
export * from "./series";
