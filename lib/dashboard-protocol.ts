// Names shared by the dashboard's browser code, proxy.ts and the server. Kept free of imports, so the
// proxy and client bundles can use them without pulling in the database client.

/** The session cookie (server/auth/session.ts sets it). */
export const SESSION_COOKIE = "cb_session";

/** Sent by the dashboard's API client, so a 401 carries no Basic challenge (no browser password popup). */
export const DASHBOARD_CLIENT_HEADER = "x-callboard-client";

/** Set by proxy.ts: the page asked for, so the layout can send a visitor with a stale session back to it. */
export const REQUESTED_PATH_HEADER = "x-callboard-path";
