import { readdirSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { LANGUAGES } from "../../src/api/load-ui";
import { infos } from "../../src/services/infos";
import { partOf } from "../../src/ui/i18n/first-layer";

const dir = resolve(__dirname, "../../src/ui/i18n");
const load = async (code: string) => (await import(`../../src/ui/i18n/${code}.ts`)).default;
const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();

describe("languages", () => {
  it("ships one file for every built-in language, and no other", () => {
    const files = readdirSync(dir).filter((f) => /^[a-z]{2}\.ts$/.test(f));
    expect(files.map((f) => f.slice(0, 2)).sort()).toEqual([...LANGUAGES].sort());
  });

  it.each(LANGUAGES.filter((code) => code != "en"))(
    "%s has every English string, with the same {placeholders}",
    async (code) => {
      const en = await load("en");
      const lang = await load(code);
      const keys = Object.keys(en).filter((key) => key != "purposes");
      expect(Object.keys(lang).filter((key) => key != "purposes").sort()).toEqual(keys.sort());
      for (const key of keys) {
        expect(lang[key], key).not.toBe("");
        expect(placeholders(lang[key]), `${code}.${key}`).toEqual(placeholders(en[key]));
      }
    },
  );

  it.each(LANGUAGES.filter((code) => code != "en"))(
    "%s translates the purpose of every built-in service",
    async (code) => {
      const { purposes } = await load(code);
      expect(Object.keys(purposes).sort()).toEqual(Object.keys(infos).sort());
      expect(Object.values(purposes).every((text) => typeof text == "string" && text.length > 20)).toBe(true);
    },
  );

  it.each(["opt-in", "opt-out"] as const)("%s: the banner's part and the views' part hold every string once", async (mode) => {
    const en = await load("en");
    const banner = partOf(en, mode);
    const views = partOf(en, "views");
    const other = partOf(en, mode == "opt-in" ? "opt-out" : "opt-in");
    expect(Object.keys(banner).filter((key) => key in views)).toEqual([]);
    // What neither holds is only the other mode's wording.
    const missing = Object.keys(en).filter((key) => !(key in banner) && !(key in views));
    expect(missing.length).toBeGreaterThan(0);
    expect(missing.every((key) => key in other)).toBe(true);
    expect(banner).toHaveProperty(mode == "opt-in" ? "bannerText" : "bannerTextOptOut");
  });
});
