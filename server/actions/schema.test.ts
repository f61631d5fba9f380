import { describe, expect, it } from "vitest";
import { zodDetails } from "@/lib/errors";
import { createActionSchema, MAX_PARAMETERS_BYTES, updateActionSchema } from "./schema";

const valid = { name: "check_order", url: "https://crm.example.com/actions/check-order" };

/** The failing paths and messages, as the API's 422 would list them. */
function problems(input: unknown, schema: typeof createActionSchema | typeof updateActionSchema = createActionSchema) {
  const parsed = schema.safeParse(input);
  if (parsed.success) throw new Error("expected the input to be refused");
  return zodDetails(parsed.error);
}

describe("createActionSchema", () => {
  it("fills in the defaults", () => {
    expect(createActionSchema.parse(valid)).toEqual({
      ...valid,
      description: "",
      parameters: { type: "object", properties: {} },
      timeoutMs: 10_000,
      enabled: true,
    });
  });

  it("keeps a full JSON schema as sent, including keys it does not check", () => {
    const parameters = {
      type: "object",
      properties: { orderId: { type: "string", description: "The order number" }, rush: { type: "boolean" } },
      required: ["orderId"],
      additionalProperties: false,
    };
    expect(createActionSchema.parse({ ...valid, parameters }).parameters).toEqual(parameters);
  });

  it.each(["1abc", "_x", "has space", "dots.not.allowed", "a".repeat(65), ""])("refuses the name %j", (name) => {
    expect(problems({ ...valid, name })).toEqual([{ path: "name", message: expect.stringContaining("start with a letter") }]);
  });

  it.each(["end_interaction", "transfer_to_human", "lookup_custom_field", "End_Interaction"])(
    "refuses the built-in tool name %s",
    (name) => {
      expect(problems({ ...valid, name })[0]).toEqual({ path: "name", message: expect.stringContaining("built-in tool") });
    },
  );

  it("accepts names with digits, _ and - up to 64 characters", () => {
    for (const name of ["a", "Book-Slot_2", `a${"b".repeat(63)}`])
      expect(createActionSchema.safeParse({ ...valid, name }).success).toBe(true);
  });

  it("refuses parameters that are not an object schema, and says what to send", () => {
    expect(problems({ ...valid, parameters: { type: "string" } })[0]).toEqual({
      path: "parameters.type",
      message: 'The top level of parameters must have "type": "object".',
    });
    expect(problems({ ...valid, parameters: [] })[0].path).toBe("parameters");
    expect(problems({ ...valid, parameters: { type: "object", properties: { a: "string" } } })[0]).toEqual({
      path: "parameters.properties.a",
      message: 'The property "a" must be a JSON schema object, e.g. {"type": "string"}.',
    });
    expect(problems({ ...valid, parameters: { type: "object", required: "a" } })[0].path).toBe("parameters.required");
  });

  it("refuses a required name that is not a property", () => {
    const parameters = { type: "object", properties: { orderId: { type: "string" } }, required: ["orderId", "email"] };
    expect(problems({ ...valid, parameters })).toEqual([
      { path: "parameters.required.1", message: expect.stringContaining('"email", which is not one of properties') },
    ]);
  });

  it("refuses parameters over 20 KB as JSON", () => {
    const properties = Object.fromEntries(
      Array.from({ length: 400 }, (_, i) => [`field${i}`, { type: "string", description: "x".repeat(40) }]),
    );
    expect(JSON.stringify(properties).length).toBeGreaterThan(MAX_PARAMETERS_BYTES);
    expect(problems({ ...valid, parameters: { type: "object", properties } })).toEqual([
      { path: "parameters", message: "parameters must be at most 20 KB as JSON." },
    ]);
  });

  it("refuses a URL that is not http(s), and out-of-range timeouts", () => {
    expect(problems({ ...valid, url: "ftp://example.com/a" })[0]).toEqual({
      path: "url",
      message: expect.stringContaining("http(s)"),
    });
    for (const timeoutMs of [499, 30_001, 1000.5, "1000"]) expect(problems({ ...valid, timeoutMs })[0].path).toBe("timeoutMs");
    expect(createActionSchema.parse({ ...valid, timeoutMs: 500 }).timeoutMs).toBe(500);
    expect(createActionSchema.parse({ ...valid, timeoutMs: 30_000 }).timeoutMs).toBe(30_000);
  });

  it("refuses a description over 1000 characters and unknown fields", () => {
    expect(problems({ ...valid, description: "x".repeat(1001) })[0].path).toBe("description");
    expect(problems({ ...valid, method: "GET" })).toEqual([
      { path: "method", message: expect.stringContaining("Unknown field") },
    ]);
  });
});

describe("updateActionSchema", () => {
  it("changes only what is sent, without defaults", () => {
    expect(updateActionSchema.parse({ enabled: false })).toEqual({ enabled: false });
  });

  it("needs at least one field and checks each as on create", () => {
    expect(problems({}, updateActionSchema)[0].message).toBe("Send at least one field to change.");
    expect(problems({ name: "transfer_to_human" }, updateActionSchema)[0].path).toBe("name");
  });
});
