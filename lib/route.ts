// The one way to write an API route handler. Every route names who may call it (`auth` has no
// default, so forgetting it is a type error rather than a silently public endpoint), and the wrapper
// authenticates first, then parses the path, query and body with the operation's zod schemas, and
// maps every thrown error to the error envelope. Handlers stay a few lines: call one service, respond.
//   public  nobody needs to sign in (health, the recording link's own token, sign-in itself)
//   api     HTTP Basic credentials or a dashboard session (CSRF-checked for writes)
//   staff   a dashboard session only (API credentials cannot manage credentials)
//   admin   an admin's dashboard session
import type { z } from "zod";
import { type Principal, requireAdmin, requireApiAuth, requireStaffSession } from "@/server/auth/authenticate";
import type { StaffPrincipal } from "@/server/auth/session";
import { handleApiError, shuttingDown } from "./errors";
import { inFlight, isDraining } from "./lifecycle";
import { metrics, routeLabel } from "./metrics";
import { parseBody, parseParams, parseQuery } from "./http";

export type AuthMode = "public" | "api" | "staff" | "admin";

type PrincipalOf<M extends AuthMode> = M extends "public" ? null : M extends "api" ? Principal : StaffPrincipal;

const AUTHENTICATE: { [M in AuthMode]: (req: Request) => Promise<PrincipalOf<M>> } = {
  public: async () => null,
  api: requireApiAuth,
  staff: requireStaffSession,
  admin: requireAdmin,
};

type Schema = z.ZodType | undefined;
type Parsed<S extends Schema> = S extends z.ZodType ? z.output<S> : undefined;

export type RouteOptions<M extends AuthMode, P extends Schema, Q extends Schema, B extends Schema> = {
  auth: M;
  params?: P;
  query?: Q;
  body?: B;
};

export type RouteArgs<M extends AuthMode, P extends Schema, Q extends Schema, B extends Schema> = {
  req: Request;
  auth: PrincipalOf<M>;
  params: Parsed<P>;
  query: Parsed<Q>;
  body: Parsed<B>;
};

type RouteContext = { params: Promise<Record<string, string | string[]>> };

export function route<
  M extends AuthMode,
  P extends Schema = undefined,
  Q extends Schema = undefined,
  B extends Schema = undefined,
>(options: RouteOptions<M, P, Q, B>, fn: (args: RouteArgs<M, P, Q, B>) => Promise<Response>) {
  const authenticate = AUTHENTICATE[options.auth] as (req: Request) => Promise<PrincipalOf<M>>;
  const handle = async (req: Request, ctx: RouteContext): Promise<Response> => {
    try {
      if (isDraining()) throw shuttingDown();
      // Authentication comes before any parsing, so an anonymous caller learns nothing about the input rules.
      const auth = await authenticate(req);
      const rawParams = await ctx?.params;
      const params = (options.params ? parseParams(rawParams, options.params) : undefined) as Parsed<P>;
      const query = (options.query ? parseQuery(req, options.query) : undefined) as Parsed<Q>;
      const body = (options.body ? await parseBody(req, options.body) : undefined) as Parsed<B>;
      return await fn({ req, auth, params, query, body });
    } catch (error) {
      return handleApiError(error);
    }
  };
  return (req: Request, ctx: RouteContext): Promise<Response> =>
    inFlight(async () => {
      const done = metrics.httpDuration.startTimer({ method: req.method, route: routeLabel(new URL(req.url).pathname) });
      const response = await handle(req, ctx);
      done({ status: String(response.status) });
      return response;
    });
}
