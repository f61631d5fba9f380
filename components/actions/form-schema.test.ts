import { describe, expect, it } from "vitest";
import { actionFormDefaults, createActionFormSchema, updateActionFormSchema } from "./form-schema";

const values = { ...actionFormDefaults(), name: "check_order", url: " https://crm.example.com/a " };

describe("the action form schema", () => {
  it("turns the inputs into the API's body", () => {
    const parameters = '{"type": "object", "properties": {"orderId": {"type": "string"}}, "required": ["orderId"]}';
    expect(createActionFormSchema.parse({ ...values, parameters, timeoutMs: "5000" })).toEqual({
      name: "check_order",
      description: "",
      parameters: { type: "object", properties: { orderId: { type: "string" } }, required: ["orderId"] },
      url: "https://crm.example.com/a",
      timeoutMs: 5000,
      enabled: true,
    });
  });

  it("says so on parameters when they are not JSON", () => {
    const parsed = createActionFormSchema.safeParse({ ...values, parameters: "{type: object}" });
    expect(parsed.error?.issues).toEqual([
      expect.objectContaining({ path: ["parameters"], message: expect.stringContaining("not valid JSON") }),
    ]);
  });

  it("shows the API's messages on the nested schema path", () => {
    const parsed = updateActionFormSchema.safeParse({ ...values, parameters: '{"type": "array"}', timeoutMs: "100" });
    expect(parsed.error?.issues.map((i) => i.path.join("."))).toEqual(["parameters.type", "timeoutMs"]);
  });
});
