export const DEFAULT_BROKER_PORT = 1883;
export const DEFAULT_HTTP_PORT = 8080;
export const REPORT_INTERVAL_MS = 1000;
