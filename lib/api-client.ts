// The dashboard's one way to call the REST API. It sends the session cookie, marks itself as the
// dashboard (so a 401 carries no Basic challenge), and throws ApiClientError carrying the error
// envelope, so forms can map `details` back onto their fields.
import { reportConnection, TRANSIENT_CODES } from "./connection-status";
import { DASHBOARD_CLIENT_HEADER } from "./dashboard-protocol";
import type { ErrorDetail } from "./errors";

export class ApiClientError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
    readonly allowed: string[] = [],
  ) {
    super(message);
  }
}

export type ListPage<T> = { items: T[]; total: number };

async function request(method: string, path: string, body?: unknown): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: "same-origin",
      headers: {
        [DASHBOARD_CLIENT_HEADER]: "dashboard",
        // A FormData body sets its own multipart content type (with the boundary).
        ...(body === undefined || body instanceof FormData ? {} : { "content-type": "application/json" }),
      },
      body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body),
    });
  } catch {
    reportConnection("reconnecting");
    throw new ApiClientError(0, "network_error", "Callboard cannot be reached. Check your connection and try again.");
  }
  if (res.ok) {
    reportConnection("ok");
    return res;
  }
  const envelope = await res.json().catch(() => null);
  const error = envelope?.error;
  reportConnection(res.status === 503 && TRANSIENT_CODES.has(error?.code) ? "reconnecting" : "ok");
  if (res.status === 401 && typeof window !== "undefined" && !path.startsWith("/api/v1/session")) {
    window.location.assign(`/sign-in?next=${encodeURIComponent(window.location.pathname + window.location.search)}`);
  }
  throw new ApiClientError(
    res.status,
    error?.code ?? "internal_error",
    error?.message ?? `The server answered ${res.status}. Try again in a moment.`,
    error?.details ?? [],
    error?.allowed ?? [],
  );
}

export const apiClient = {
  async get<T>(path: string): Promise<T> {
    return (await request("GET", path)).json();
  },
  /** A plain-text answer (an e-mail's original). */
  async text(path: string): Promise<string> {
    return (await request("GET", path)).text();
  },
  /** A list endpoint: the JSON array plus X-Total-Count. */
  async list<T>(path: string): Promise<ListPage<T>> {
    const res = await request("GET", path);
    return { items: await res.json(), total: Number(res.headers.get("x-total-count") ?? 0) };
  },
  async post<T>(path: string, body?: unknown): Promise<T> {
    const res = await request("POST", path, body ?? {});
    return res.status === 204 ? (undefined as T) : res.json();
  },
  /** A multipart/form-data upload (a file). */
  async upload<T>(path: string, form: FormData): Promise<T> {
    return (await request("POST", path, form)).json();
  },
  async put<T>(path: string, body: unknown): Promise<T> {
    return (await request("PUT", path, body)).json();
  },
  async del(path: string): Promise<void> {
    await request("DELETE", path);
  },
};

/** Builds a query string from defined, non-empty values. */
export function toQuery(params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== "") search.set(k, String(v));
  const s = search.toString();
  return s ? `?${s}` : "";
}
