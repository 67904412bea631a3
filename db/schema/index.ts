export * from "./clinics";
export * from "./athletes";
export * from "./invites";
export * from "./audit";
export * from "./check-ins";
export * from "./alerts";
export * from "./exercises";
export * from "./programs";
