import { describe, expect, it } from "vitest";
import { ApiError } from "./errors";
import { parseRange } from "./file-response";

function refusal(header: string, size: number): ApiError {
  try {
    parseRange(header, size);
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error(`expected ${header} to be refused`);
}

describe("parseRange", () => {
  it("reads first-last, first- and -suffix ranges, clamped to the file", () => {
    expect(parseRange("bytes=0-43", 1000)).toEqual({ start: 0, end: 43 });
    expect(parseRange("bytes=500-", 1000)).toEqual({ start: 500, end: 999 });
    expect(parseRange("bytes=-100", 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange("bytes=-5000", 1000)).toEqual({ start: 0, end: 999 });
    expect(parseRange("bytes=990-5000", 1000)).toEqual({ start: 990, end: 999 });
    expect(parseRange("Bytes = 7-7", 1000)).toEqual({ start: 7, end: 7 });
  });

  it("serves the whole file without a header, for another unit, or for several ranges", () => {
    expect(parseRange(null, 1000)).toBeNull();
    expect(parseRange("items=0-1", 1000)).toBeNull();
    expect(parseRange("bytes=0-1,5-9", 1000)).toBeNull();
  });

  it("refuses malformed and unsatisfiable ranges with 416 and the file's size", () => {
    for (const header of ["bytes=1000-", "bytes=5-2", "bytes=abc", "bytes=-", "bytes=-0", "bytes=", "bytes=1.5-2"]) {
      const error = refusal(header, 1000);
      expect(error.status, header).toBe(416);
      expect(error.code).toBe("range_not_satisfiable");
      expect(error.extra.headers?.["Content-Range"]).toBe("bytes */1000");
    }
  });
});
