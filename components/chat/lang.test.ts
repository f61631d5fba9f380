import { describe, expect, it } from "vitest";
import { languageTag, preferredLanguage } from "./lang";

describe("the chat's language", () => {
  it("takes the browser's most preferred language", () => {
    expect(preferredLanguage("de-CH,de;q=0.9,en;q=0.8")).toBe("de-CH");
    expect(preferredLanguage("en;q=0.5, es-mx;q=0.9")).toBe("es-MX");
    expect(preferredLanguage("*;q=1, fr;q=0.1")).toBe("fr");
  });

  it("falls back when the header names no usable language", () => {
    expect(preferredLanguage(null)).toBe("en");
    expect(preferredLanguage("")).toBe("en");
    expect(preferredLanguage('"><script>, x;q=0')).toBe("en");
  });

  it("lets only language tags through", () => {
    expect(languageTag("pt-br")).toBe("pt-BR");
    expect(languageTag("not a language")).toBeNull();
    expect(languageTag(undefined)).toBeNull();
  });
});
