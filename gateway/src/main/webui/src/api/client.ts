import createClient from "openapi-fetch";
import type { components, paths } from "./backlight-api";
import operationRoles from "./operation-roles.json";
import type { Session } from "../auth";

/** The API's schemas, as generated from the gathered OpenAPI document. */
export type Schemas = components["schemas"];
export type Problem = Schemas["Problem"];
export type OperationId = keyof typeof operationRoles;

/** The gateway's /api, typed from the gathered OpenAPI document (src/api/backlight-api.d.ts, checked by the build). */
export const api = createClient<paths>({ baseUrl: window.location.origin });

let session: Session | undefined;

/** Every call from now on carries the session's bearer token. */
export function authorizeCalls(signedIn: Session): void {
  session = signedIn;
  api.use({
    async onRequest({ request }) {
      request.headers.set("Authorization", `Bearer ${await signedIn.token()}`);
      return request;
    },
  });
}

/** Whether the signed-in user's roles may call an operation, as the API document declares. */
export function allowed(operation: OperationId): boolean {
  const roles: readonly string[] = operationRoles[operation];
  return session !== undefined && roles.some((role) => session!.roles.has(role));
}

/** A refusal or failure of the API, carrying its problem details (RFC 9457). */
export class ProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(describe(problem));
  }
}

/** A problem in words: what went wrong, and each field at fault. */
export function describe(problem: Problem): string {
  const fields = (problem.errors ?? []).map((error) => `${error.field}: ${error.message}`);
  return [problem.detail ?? problem.title ?? `HTTP ${problem.status}`, ...fields].join(" — ");
}

type Result<T> = { data?: T; error?: unknown; response: Response };

/**
 * The answer's JSON body, or a ProblemError with the problem the API answered (or one made up for a network failure).
 * Reports also offer CSV (a string), which the console downloads with downloadCsv instead.
 */
export async function must<T>(call: Promise<Result<T>>): Promise<Exclude<T, string>> {
  let result: Result<T>;
  try {
    result = await call;
  } catch (failure) {
    throw new ProblemError({ title: "The gateway could not be reached", detail: String(failure), status: 0 });
  }
  if (!result.response.ok) throw new ProblemError(asProblem(result.error, result.response));
  return result.data as Exclude<T, string>;
}

function asProblem(body: unknown, response: Response): Problem {
  if (body && typeof body === "object" && ("title" in body || "detail" in body)) return body as Problem;
  return { status: response.status, title: response.statusText || `HTTP ${response.status}`, detail: typeof body === "string" && body ? body : undefined };
}

/** The If-Match header for a change to an object read at this version. */
export function ifMatch(version: number | undefined): { "If-Match": string } {
  return { "If-Match": `"${version ?? 0}"` };
}

/**
 * Downloads a report as the API writes it in CSV (same operation, Accept: text/csv), so the file holds exactly what
 * the API serves, formula cells neutralised.
 */
export async function downloadCsv(path: string, query: Record<string, string | number | undefined>, fileName: string): Promise<void> {
  const url = new URL(path, window.location.origin);
  for (const [name, value] of Object.entries(query)) if (value !== undefined && value !== "") url.searchParams.set(name, String(value));
  const response = await fetch(url, { headers: { Accept: "text/csv", Authorization: `Bearer ${await session!.token()}` } });
  if (!response.ok) {
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not problem details: the text is the detail
    }
    throw new ProblemError(asProblem(body, response));
  }
  const link = document.createElement("a");
  link.href = URL.createObjectURL(await response.blob());
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(link.href);
}
