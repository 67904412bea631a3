export * from "./clinics";
export * from "./athletes";
export * from "./invites";
export * from "./audit";
