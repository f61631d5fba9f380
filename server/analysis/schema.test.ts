import { describe, expect, it } from "vitest";
import {
  analysisFieldsSchema,
  buildExtractionSchema,
  buildModelOutputSchema,
  correctAnalysisSchema,
  parseAnalysisFields,
} from "./schema";

const fields = analysisFieldsSchema.parse([
  { name: "confirmedDate", type: "string", description: "The delivery date the customer confirmed", required: true },
  { name: "wantsCallback", type: "boolean" },
  { name: "parcels", type: "number" },
  { name: "slot", type: "enum", choices: ["morning", "afternoon"], required: true },
]);

describe("the extraction schema built from the field definitions", () => {
  const schema = buildExtractionSchema(fields);

  it("accepts values of each field's type, null for optional fields", () => {
    expect(schema.parse({ confirmedDate: "2025-03-18", wantsCallback: null, parcels: 2, slot: "morning" })).toEqual({
      confirmedDate: "2025-03-18",
      wantsCallback: null,
      parcels: 2,
      slot: "morning",
    });
  });

  it("refuses wrong types, values outside an enum's choices, missing required values and unknown fields", () => {
    const ok = { confirmedDate: "2025-03-18", wantsCallback: true, parcels: 1, slot: "afternoon" };
    expect(schema.safeParse({ ...ok, parcels: "two" }).success).toBe(false);
    expect(schema.safeParse({ ...ok, wantsCallback: "yes" }).success).toBe(false);
    expect(schema.safeParse({ ...ok, slot: "evening" }).success).toBe(false);
    expect(schema.safeParse({ ...ok, confirmedDate: null }).success).toBe(false);
    expect(schema.safeParse({ ...ok, invented: "x" }).success).toBe(false);
  });

  it("carries the descriptions into the JSON Schema the model is given", () => {
    const json = buildModelOutputSchema(fields, true).toJSONSchema() as unknown as {
      properties: { extracted: { properties: Record<string, { description?: string }>; required: string[] } };
    };
    expect(json.properties.extracted.properties.confirmedDate.description).toBe("The delivery date the customer confirmed");
    expect(json.properties.extracted.required).toEqual(["confirmedDate", "wantsCallback", "parcels", "slot"]);
  });

  it("wants inVoicemail only for voice", () => {
    const base = { summary: "s", sentiment: "unknown", successful: null, successReason: "r", extracted: {} };
    expect(buildModelOutputSchema([], false).safeParse({ ...base, inVoicemail: null }).success).toBe(true);
    expect(buildModelOutputSchema([], false).safeParse({ ...base, inVoicemail: true }).success).toBe(false);
    expect(buildModelOutputSchema([], true).safeParse({ ...base, inVoicemail: true }).success).toBe(true);
  });
});

describe("field definitions", () => {
  it("refuses enums without choices, choices on other types, duplicate names and bad names", () => {
    expect(analysisFieldsSchema.safeParse([{ name: "slot", type: "enum" }]).success).toBe(false);
    expect(analysisFieldsSchema.safeParse([{ name: "a", type: "string", choices: ["x"] }]).success).toBe(false);
    expect(
      analysisFieldsSchema.safeParse([
        { name: "a", type: "string" },
        { name: "a", type: "number" },
      ]).success,
    ).toBe(false);
    expect(analysisFieldsSchema.safeParse([{ name: "1st", type: "string" }]).success).toBe(false);
    expect(analysisFieldsSchema.safeParse([{ name: "a", type: "date" }]).success).toBe(false);
  });

  it("reads stored definitions leniently", () => {
    expect(parseAnalysisFields("not json")).toEqual([]);
    expect(parseAnalysisFields(JSON.stringify(fields))).toEqual(fields);
  });

  it("a correction sends at least one known field", () => {
    expect(correctAnalysisSchema.safeParse({}).success).toBe(false);
    expect(correctAnalysisSchema.safeParse({ mood: "happy" }).success).toBe(false);
    expect(correctAnalysisSchema.safeParse({ sentiment: "elated" }).success).toBe(false);
    expect(correctAnalysisSchema.parse({ sentiment: "negative", successful: null })).toEqual({
      sentiment: "negative",
      successful: null,
    });
  });
});
