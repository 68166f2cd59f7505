/** Every call the dashboard makes to the Pulse API, one module per resource. Pages import from here only. */

export * from "./ab";
export * from "./assistant";
export * from "./auth";
export * from "./campaigns";
export { ApiError, api, call, messageOf } from "./client";
export * from "./contacts";
export * from "./conversions";
export * from "./journeys";
export * from "./lists";
export * from "./operations";
export * from "./outbox";
export * from "./overview";
export * from "./planning";
export * from "./segments";
export * from "./settings";
export * from "./teamwork";
export * from "./templates";
export * from "./webhooks";
