import { describe, expect, it } from "vitest";
import { bytesToVector, dot, fuseRankings, vectorToBytes } from "./embed";

describe("vectors", () => {
  it("round-trip through bytes, also from an odd offset", () => {
    const v = Float32Array.from([0.6, 0.8, 0, -1]);
    const bytes = vectorToBytes(v);
    expect(bytes.byteLength).toBe(16);
    const shifted = new Uint8Array(17);
    shifted.set(bytes, 1);
    expect([...bytesToVector(shifted.subarray(1))]).toEqual([...v]);
    expect(dot(v, v)).toBeCloseTo(2);
  });
});

describe("fuseRankings", () => {
  it("puts what both rankings agree on first, then single-list leaders", () => {
    const fused = fuseRankings([
      ["a", "b", "c"],
      ["b", "d"],
    ]);
    const order = [...fused.entries()].sort((x, y) => y[1] - x[1]).map(([id]) => id);
    expect(order[0]).toBe("b");
    expect(order.slice(1, 3).sort()).toEqual(["a", "d"]);
    expect(fused.get("b")).toBeCloseTo(1 / 62 + 1 / 61);
  });
});
