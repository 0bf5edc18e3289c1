export * from "./enums";
export * from "./projects";
export * from "./auth";
export * from "./documents";
export * from "./datasets";
export * from "./models";
export * from "./monitoring";
export * from "./audit";
