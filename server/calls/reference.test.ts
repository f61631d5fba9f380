// docs/reference/ is the repository's own copy of the reference API's Create Call examples, so a clone
// without the project's ../shared folder still has them. This test checks the copy on every run: against
// the schemas always, and byte for byte against ../shared where a development checkout has that folder.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createCallSchema, referenceCallSchema } from "./schema";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const COPY = path.join(ROOT, "docs", "reference");
const SHARED = path.join(ROOT, "..", "shared");

/** Each file of the copy and where the shared folder keeps its original. */
const FILES = [
  { name: "create-call.request.json", original: path.join(SHARED, "contract", "create-call.request.json") },
  { name: "create-call.response.example.json", original: path.join(SHARED, "contract", "create-call.response.example.json") },
  { name: "create-call.txt", original: path.join(SHARED, "seed", "create-call.txt") },
];

const read = (file: string) => readFileSync(file, "utf8");

describe("docs/reference", () => {
  it("matches the schemas, and ../shared/contract/ and ../shared/seed/ when they are beside the repository", () => {
    const request = JSON.parse(read(path.join(COPY, "create-call.request.json")));
    expect(createCallSchema.safeParse(request).error).toBeUndefined();

    // The documented response has exactly the call object's reference fields, with the same types.
    const response = JSON.parse(read(path.join(COPY, "create-call.response.example.json")));
    expect(referenceCallSchema.strict().safeParse(response).error).toBeUndefined();

    expect(read(path.join(COPY, "create-call.txt"))).toContain("Create Call");

    const present = FILES.filter((f) => existsSync(f.original));
    if (present.length === 0) {
      console.info(`note: ${SHARED} is absent (a user's clone); docs/reference/ was checked against the schemas only.`);
    }
    for (const f of present) expect(read(path.join(COPY, f.name)), `docs/reference/${f.name}`).toBe(read(f.original));
    // Either the shared folder is absent altogether, or it holds every original: a half-present folder is a mistake.
    expect([0, FILES.length]).toContain(present.length);
  });
});
