import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { RUNNING_VENDORS } from "../../../src/gate/changes";
import { createMatcher } from "../../../src/gate/match";
import { catalogue } from "../../../src/services/catalogue";
import { infos } from "../../../src/services/infos";
import type { ServiceGate, ServiceInfo } from "../../../src/services/service";
import type { State } from "../../../src/types";

const dir = join(dirname(fileURLToPath(import.meta.url)), "../../../src/services");
const NOT_SERVICES = ["catalogue.ts", "infos.ts", "queue.ts", "service.ts"];
const REQUIRED = [
  "google-analytics", "google-tag-manager", "google-ads", "hotjar", "facebook-pixel", "mixpanel",
  "firebase-analytics", "appsflyer", "intercom", "google-recaptcha", "stripe", "mailchimp",
  "salesforce-pardot", "facebook-messenger", "microsoft-clarity", "linkedin-insight", "tiktok-pixel", "youtube",
];
const CATEGORIES = ["necessary", "functional", "analytics", "marketing"];
// Firebase Analytics writes Google Analytics' cookies; they are deleted under that id.
const COOKIE_OWNER: Record<string, string> = { "firebase-analytics": "google-analytics" };

const ids = Object.keys(catalogue);
const match = createMatcher(catalogue);
const each = (fn: (id: string, gate: ServiceGate, info: ServiceInfo) => void) => () => {
  for (const id of ids) fn(id, catalogue[id], infos[id]);
};

describe("the service catalogue", () => {
  it("holds every required service", () => {
    expect(ids).toEqual(expect.arrayContaining(REQUIRED));
  });

  it("names each service after its file, and each file exports that service's gate and info", async () => {
    const files = readdirSync(dir).filter((f) => f.endsWith(".ts") && !NOT_SERVICES.includes(f));
    expect(files.map((f) => f.slice(0, -3)).sort()).toEqual([...ids].sort());
    for (const id of ids) {
      const mod = await import(`../../../src/services/${id}.ts`);
      expect(mod.gate, id).toBe(catalogue[id]);
      expect(mod.info, id).toBe(infos[id]);
    }
    expect(Object.keys(infos).sort()).toEqual([...ids].sort());
  });

  it("places every service in one of the four categories", each((id, gate) => {
    expect(CATEGORIES, id).toContain(gate.category);
  }));

  // A * takes the rest of its path segment (match.ts): one followed by more of it would match nothing.
  it("writes every URL rule as a lower-case host with an optional path whose * ends its segment", each((id, gate) => {
    expect(gate.urls.length, id).toBeGreaterThan(0);
    for (const rule of gate.urls) {
      expect(rule, id).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+(\/[^\s#]*)?$/);
      for (const at of [...rule.matchAll(/\*/g)].map((m) => m.index!)) {
        expect(["/", "?", undefined], rule).toContain(rule[at + 1]);
      }
    }
  }));

  it("never lets two services claim the same URL rule, cookie or storage key", () => {
    for (const field of ["urls", "cookies", "storage"] as const) {
      const all = ids.flatMap((id) => catalogue[id][field] || []);
      expect(new Set(all).size, field).toBe(all.length);
    }
  });

  it("writes cookie and storage patterns as names with at most a trailing *", each((id, gate) => {
    for (const p of [...(gate.cookies || []), ...(gate.storage || [])]) {
      expect(p, id).toMatch(/^[!#$%&'+\-.^_`|~0-9A-Za-z:]+\*?$/);
    }
  }));

  it("claims its own loader URL", each((id, gate) => {
    if (gate.loader) expect(match.url(gate.loader), id).toBe(id);
  }));

  it("describes every service for the UI: title, one-line purpose, provider and an https policy", each((id, _gate, info) => {
    expect(info.title, id).toBeTruthy();
    expect(info.provider, id).toBeTruthy();
    expect(info.purpose, id).toMatch(/^[A-Z][^\n]{10,120}\.$/);
    expect(new URL(info.policyUrl).protocol, id).toBe("https:");
  }));

  it("gives every cookie it lists a human duration", each((id, _gate, info) => {
    for (const c of info.cookies) {
      expect(c.duration, `${id} ${c.name}`).toMatch(/^(session|\d+ (minute|hour|day|week|month|year)s?)$/);
    }
  }));

  it("deletes every first-party cookie it lists, under its own id", each((id, _gate, info) => {
    for (const c of info.cookies) {
      if (!c.thirdParty) expect(match.cookie(c.name), `${id} ${c.name}`).toBe(COOKIE_OWNER[id] || id);
    }
  }));

  it("lists in the preferences every first-party cookie it deletes", each((id, gate, info) => {
    const listed = info.cookies.filter((c) => !c.thirdParty).map((c) => c.name);
    for (const pattern of gate.cookies || []) {
      // A pattern is listed as itself, or as the names it stands for (`_gcl_*` as `_gcl_au`, `_gcl_aw`…).
      const prefix = pattern.endsWith("*") ? pattern.slice(0, -1) : null;
      expect(listed.some((name) => name == pattern || (prefix != null && name.startsWith(prefix))), `${id} ${pattern}`).toBe(true);
    }
  }));

  it("ships only gates in the core: no info text reaches the catalogue bundle", async () => {
    const out = await build({
      entryPoints: [join(dir, "catalogue.ts")],
      bundle: true,
      minify: true,
      format: "esm",
      write: false,
      logLevel: "silent",
    });
    const code = out.outputFiles[0].text;
    for (const id of ids) {
      expect(code, id).not.toContain(infos[id].purpose);
      expect(code, id).not.toContain(infos[id].policyUrl);
    }
    expect(code).toContain('"hotjar.com"');
    expect(readFileSync(join(dir, "catalogue.ts"), "utf8")).not.toMatch(/import \{[^}]*\binfo\b/);
  });
});

describe("vendor consent calls", () => {
  it("never throw, whatever the vendor's global holds", each((id, gate) => {
    const refused = { categories: {}, services: { [id]: false } } as unknown as State;
    for (const consent of [gate.consent, RUNNING_VENDORS[id]]) {
      if (!consent) continue;
      for (const value of [undefined, null, 5, "x", {}, [], () => {}, { __loaded: true, callMethod: 1 }]) {
        const w = { fbq: value, mixpanel: value, clarity: value, ttq: value, Intercom: value, localStorage: {} } as any;
        for (const previous of [null, refused]) {
          expect(() => consent(w, true, refused, previous), id).not.toThrow();
          expect(() => consent(w, false, refused, previous), id).not.toThrow();
        }
      }
    }
  }));

  it("reach Meta, Mixpanel, Intercom, Clarity and TikTok: through the queue from the core, or on a change once running", () => {
    const withConsent = Object.keys(catalogue).filter((id) => catalogue[id].consent || RUNNING_VENDORS[id]);
    expect(withConsent.sort()).toEqual(["facebook-pixel", "intercom", "microsoft-clarity", "mixpanel", "tiktok-pixel"]);
  });
});

describe("Mixpanel's opt-out record stored before ConsentGate held it", () => {
  const KEY = "__mp_opt_in_out_abc123";
  function change(allowed: boolean, sdk: object) {
    localStorage.clear();
    localStorage.setItem(KEY, "0");
    localStorage.setItem("__mp_opt_in_out_site", "1");
    RUNNING_VENDORS.mixpanel({ localStorage: window.localStorage, mixpanel: sdk } as any, allowed);
    return Object.keys(localStorage).sort();
  }

  it("goes when Mixpanel is allowed before its SDK runs, which would read it at init", () => {
    expect(change(true, [])).toEqual(["__mp_opt_in_out_site"]);
  });

  it("stays on a refusal, and under a running SDK, whose own opt-in replaces it", () => {
    expect(change(false, [])).toEqual(["__mp_opt_in_out_abc123", "__mp_opt_in_out_site"]);
    const sdk = { __loaded: true, has_opted_out_tracking: () => false };
    expect(change(true, sdk)).toEqual(["__mp_opt_in_out_abc123", "__mp_opt_in_out_site"]);
  });
});

describe("vendors' storage keys", () => {
  const match = createMatcher(catalogue);
  // Keys the vendors' scripts write, as their storage lists and the pages they run on show them.
  it.each([
    ["_hjSessionUser_1234567", "hotjar"],
    ["hjViewportId", "hotjar"],
    ["hjActiveViewportIds", "hotjar"],
    ["mp_abc123_mixpanel", "mixpanel"],
    ["__mpq_abc123_ev", "mixpanel"],
    // Its opt-out record: refused, written only to the page view's memory (mixpanel.ts).
    ["__mp_opt_in_out_abc123", "mixpanel"],
    ["li_adsId", "linkedin-insight"],
    ["intercom.intercom-state-abc123", "intercom"],
    ["_gcl_ls", "google-ads"],
  ])("claims %s for %s", (key, id) => {
    expect(match.storage(key)).toBe(id);
  });

  it.each(["cart", "hj", "intercom", "li_session", "ttl", "ttt_sessionId", "tt_lang", "tt_cart"])("leaves %s to the site", (key) => {
    expect(match.storage(key)).toBeNull();
  });
});
