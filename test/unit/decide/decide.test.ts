import { describe, expect, it } from "vitest";
import { defaults } from "../../../src/config/defaults";
import { categoryOf, decide } from "../../../src/decide";
import type { Mode, Signals, Stored } from "../../../src/types";
import { NOW, NO_SIGNALS, catalogue, category, makeConfig, makeStored } from "./make-config";

const GPC: Signals = { gpc: true, dnt: false };
const DNT: Signals = { gpc: false, dnt: true };

/** The stored decisions of the table, all made at revision 1 on categories analytics and marketing. */
const STORED = {
  none: null,
  accepted: makeStored({ categories: { analytics: true, marketing: true } }),
  rejected: makeStored({ categories: { analytics: false, marketing: false } }),
  partial: makeStored({ categories: { analytics: true, marketing: false }, services: { hotjar: false }, source: "api" }),
  "made with GPC": makeStored({ categories: { analytics: true, marketing: true }, gpc: true, source: "preferences" }),
} satisfies Record<string, Stored | null>;

interface Row {
  mode: Mode;
  stored: keyof typeof STORED;
  gpc: boolean;
  dnt: boolean;
  /** The config's revision was raised after the decision. */
  revised: boolean;
  /** The config gained `functional` (where the catalogue files YouTube) and `ads` (a sale category) after the decision. */
  added: boolean;
}

const rows: Row[] = [];
for (const mode of ["opt-in", "opt-out"] as const)
  for (const stored of Object.keys(STORED) as Row["stored"][])
    for (const gpc of [false, true])
      for (const dnt of [false, true])
        for (const revised of [false, true])
          for (const added of [false, true]) rows.push({ mode, stored, gpc, dnt, revised, added });

const on = (flag: boolean, word: string) => `${word} ${flag ? "on" : "off"}`;
const describeRow = (r: Row) =>
  [
    r.mode,
    `stored ${r.stored}`,
    on(r.gpc, "GPC"),
    on(r.dnt, "DNT"),
    r.revised ? "revision raised since" : "same revision",
    r.added ? "categories added since" : "no category added",
  ].join(", ");

/**
 * What SPEC §5 and §6 say the state must be, rule by rule. Both signals are
 * honoured by the table's config, and no stored decision was made with DNT on.
 */
function expected(r: Row) {
  // §5: an older revision is no decision.
  const stored = r.revised ? null : STORED[r.stored];
  const optional = ["analytics", "marketing", ...(r.added ? ["functional", "ads"] : [])];
  const sale = (name: string) => name === "marketing" || name === "ads";

  const categories: Record<string, boolean> = { necessary: true };
  let signalled = false;
  for (const name of optional) {
    const chosen = stored?.categories[name];
    // §6: DNT turns every optional category off; GPC every sale one, unless the
    // visitor decided that very category with GPC on.
    const dntWins = r.dnt;
    const gpcWins = r.gpc && sale(name) && !(chosen !== undefined && stored!.gpc);
    if (dntWins || gpcWins) {
      categories[name] = false;
      signalled = true;
    } else {
      // §2: opt-out runs optional categories until the visitor objects; §5: a
      // sale category no counted choice covers stays off where a consent
      // cookie was found (it may hold an objection to selling).
      categories[name] = chosen ?? (r.mode === "opt-out" && (!sale(name) || r.stored === "none"));
    }
  }

  // §5: a decision lacking a category asks again, signal or not; §6: without
  // a stored decision, opt-out plus an honoured signal needs no banner.
  const covered = !!stored && optional.every((name) => name in stored.categories);
  const decided = stored ? covered : r.mode === "opt-out" && signalled;
  const hotjarOwn = stored?.services.hotjar;
  return {
    decided,
    ask: !decided,
    state: {
      decided,
      categories,
      services: {
        "google-analytics": categories.analytics,
        hotjar: hotjarOwn !== undefined && !r.dnt ? hotjarOwn : categories.analytics,
        "facebook-pixel": categories.marketing,
        // held for the page's life unless the config has its catalogue category
        youtube: r.added ? categories.functional : false,
        stripe: true,
      },
      revision: r.revised ? 2 : 1,
      updatedAt: stored ? new Date(stored.time * 1000).toISOString() : null,
      id: stored ? stored.id : null,
      source: signalled ? "signal" : stored ? stored.source : "default",
      signals: { gpc: r.gpc, dnt: r.dnt },
    },
  };
}

describe("decide, every combination", () => {
  it("covers 160 combinations", () => {
    expect(rows).toHaveLength(160);
  });

  it.each(rows.map((r) => [describeRow(r), r] as const))("%s", (_, r) => {
    const config = makeConfig(
      { mode: r.mode, revision: r.revised ? 2 : 1 },
      r.added ? { functional: category(), ads: category({ sale: true }) } : {},
    );
    const { state, ask } = decide(config, catalogue, STORED[r.stored], { gpc: r.gpc, dnt: r.dnt }, NOW, r.stored !== "none");
    const want = expected(r);
    expect(state).toEqual(want.state);
    expect(ask).toBe(want.ask);
  });
});

describe("decide, with Global Privacy Control", () => {
  it("turns every sale category off with source signal, without any stored decision", () => {
    const config = makeConfig({ mode: "opt-out" }, { ads: category({ sale: true }) });
    const { state } = decide(config, catalogue, null, GPC, NOW);
    expect(state.categories).toEqual({ necessary: true, analytics: true, marketing: false, ads: false });
    expect(state.services["facebook-pixel"]).toBe(false);
    expect(state.source).toBe("signal");
    expect(state.id).toBeNull();
    expect(state.updatedAt).toBeNull();
  });

  it("needs no banner in opt-out mode", () => {
    const { state, ask } = decide(makeConfig({ mode: "opt-out" }), catalogue, null, GPC, NOW);
    expect(state.decided).toBe(true);
    expect(ask).toBe(false);
  });

  it("still asks in opt-in mode and says the signal was honoured", () => {
    const { state, ask } = decide(makeConfig(), catalogue, null, GPC, NOW);
    expect(ask).toBe(true);
    expect(state.decided).toBe(false);
    expect(state.source).toBe("signal");
    expect(state.categories).toEqual({ necessary: true, analytics: false, marketing: false });
  });

  it("outweighs a decision stored without it, which stays decided and does not bring the banner back", () => {
    const stored = makeStored({ categories: { analytics: true, marketing: true } });
    const { state, ask } = decide(makeConfig(), catalogue, stored, GPC, NOW);
    expect(state.categories).toEqual({ necessary: true, analytics: true, marketing: false });
    expect(state.services).toMatchObject({ "facebook-pixel": false, "google-analytics": true });
    expect(state.decided).toBe(true);
    expect(ask).toBe(false);
    expect(state.id).toBe(stored.id);
  });

  it("outweighs a per-service choice stored without it", () => {
    const stored = makeStored({ categories: { analytics: true, marketing: true }, services: { "facebook-pixel": true } });
    expect(decide(makeConfig(), catalogue, stored, GPC, NOW).state.services["facebook-pixel"]).toBe(false);
  });

  it("lets a decision made with it on stand, so a visitor can turn a sale category on deliberately", () => {
    const stored = makeStored({ categories: { analytics: false, marketing: true }, services: { "facebook-pixel": true }, gpc: true });
    const { state, ask } = decide(makeConfig(), catalogue, stored, GPC, NOW);
    expect(state.categories.marketing).toBe(true);
    expect(state.services["facebook-pixel"]).toBe(true);
    expect(state.source).toBe("banner");
    expect(ask).toBe(false);
  });

  it("still turns off a sale category added after a decision made with it on", () => {
    const stored = makeStored({ categories: { analytics: true, marketing: true }, gpc: true });
    const config = makeConfig({ mode: "opt-out" }, { ads: category({ sale: true }) });
    const { state } = decide(config, catalogue, stored, GPC, NOW);
    expect(state.categories).toEqual({ necessary: true, analytics: true, marketing: true, ads: false });
    expect(state.source).toBe("signal");
  });

  it("leaves categories that are not for sale alone", () => {
    const config = makeConfig({ mode: "opt-out" }, { functional: category() });
    const { state } = decide(config, catalogue, null, GPC, NOW);
    expect(state.categories).toMatchObject({ analytics: true, functional: true, marketing: false });
  });

  it("is ignored, but still reported, when signals.gpc is off", () => {
    const config = makeConfig({ mode: "opt-out", signals: { gpc: false, dnt: false } });
    const { state, ask } = decide(config, catalogue, null, GPC, NOW);
    expect(state.categories.marketing).toBe(true);
    expect(state.source).toBe("default");
    expect(state.signals).toEqual({ gpc: true, dnt: false });
    expect(ask).toBe(true);
  });

  it("does not make a config without sale categories speak of a signal", () => {
    const config = makeConfig({ mode: "opt-out" });
    config.categories.marketing = category({ services: ["facebook-pixel"] });
    const { state, ask } = decide(config, catalogue, null, GPC, NOW);
    expect(state.source).toBe("default");
    expect(state.categories.marketing).toBe(true);
    expect(ask).toBe(true);
  });
});

describe("decide, with Do Not Track", () => {
  it("turns every optional category off the same way when signals.dnt is on", () => {
    const config = makeConfig({ mode: "opt-out" }, { functional: category() });
    const { state, ask } = decide(config, catalogue, null, DNT, NOW);
    expect(state.categories).toEqual({ necessary: true, analytics: false, marketing: false, functional: false });
    expect(Object.values(state.services).filter(Boolean)).toEqual([true]); // stripe, necessary
    expect(state.source).toBe("signal");
    expect(ask).toBe(false);
  });

  it("outweighs a decision stored without it", () => {
    const stored = makeStored({ categories: { analytics: true, marketing: true }, services: { hotjar: true } });
    const { state, ask } = decide(makeConfig(), catalogue, stored, DNT, NOW);
    expect(state.categories).toEqual({ necessary: true, analytics: false, marketing: false });
    expect(state.services.hotjar).toBe(false);
    expect(ask).toBe(false);
  });

  it("lets a decision made with it on stand", () => {
    const stored = makeStored({ categories: { analytics: true, marketing: false }, services: { hotjar: false }, dnt: true });
    const { state } = decide(makeConfig(), catalogue, stored, DNT, NOW);
    expect(state.categories).toEqual({ necessary: true, analytics: true, marketing: false });
    expect(state.services).toMatchObject({ "google-analytics": true, hotjar: false });
    expect(state.source).toBe("banner");
  });

  it("is ignored, but still reported, with the default signals", () => {
    const config = { ...makeConfig({ mode: "opt-out" }), signals: defaults().signals };
    const { state } = decide(config, catalogue, null, DNT, NOW);
    expect(state.categories).toMatchObject({ analytics: true, marketing: true });
    expect(state.signals).toEqual({ gpc: false, dnt: true });
    expect(state.source).toBe("default");
  });
});

describe("decide, with a stored decision", () => {
  it("keeps the stored choices, their source, time and id", () => {
    const stored = makeStored({ categories: { analytics: false, marketing: true }, source: "preferences" });
    const { state, ask } = decide(makeConfig(), catalogue, stored, NO_SIGNALS, NOW);
    expect(state).toEqual({
      decided: true,
      categories: { necessary: true, analytics: false, marketing: true },
      services: { "google-analytics": false, hotjar: false, "facebook-pixel": true, youtube: false, stripe: true },
      revision: 1,
      updatedAt: "2025-11-21T23:00:00.000Z",
      id: "Jx8kQ2mZp4Rt7vWb",
      source: "preferences",
      signals: { gpc: false, dnt: false },
    });
    expect(ask).toBe(false);
  });

  it("asks again only for a category added since, keeping the other choices", () => {
    const stored = makeStored({ categories: { analytics: true, marketing: false } });
    const config = makeConfig({}, { functional: category() });
    const { state, ask } = decide(config, catalogue, stored, NO_SIGNALS, NOW);
    expect(ask).toBe(true);
    expect(state.decided).toBe(false);
    expect(state.categories).toEqual({ necessary: true, analytics: true, marketing: false, functional: false });
    expect(state.id).toBe(stored.id);
  });

  it("keeps the sale categories off in opt-out mode where a consent cookie is found that no longer counts, until the visitor answers", () => {
    // An older revision, a malformed or an expired value may hold a "Do not sell".
    const config = makeConfig({ mode: "opt-out", revision: 2 });
    const stored = makeStored({ categories: { analytics: false, marketing: false } });
    for (const found of [stored, null]) {
      const { state, ask } = decide(config, catalogue, found, NO_SIGNALS, NOW, true);
      expect(ask).toBe(true);
      expect(state.categories).toEqual({ necessary: true, analytics: true, marketing: false });
      expect(state.services["facebook-pixel"]).toBe(false);
    }
    // No cookie at all: a first visit, where opt-out runs everything (SPEC §2).
    expect(decide(config, catalogue, null, NO_SIGNALS, NOW, false).state.categories.marketing).toBe(true);
  });

  it("keeps a sale category added since a decision off in opt-out mode until the visitor answers", () => {
    const stored = makeStored({ categories: { analytics: true, marketing: false } });
    const config = makeConfig({ mode: "opt-out" }, { ads: category({ sale: true }) });
    const { state, ask } = decide(config, catalogue, stored, NO_SIGNALS, NOW, true);
    expect(ask).toBe(true);
    expect(state.categories).toEqual({ necessary: true, analytics: true, marketing: false, ads: false });
  });

  it("runs a category added since in opt-out mode while it asks", () => {
    const stored = makeStored({ categories: { analytics: false, marketing: false } });
    const config = makeConfig({ mode: "opt-out" }, { functional: category() });
    const { state, ask } = decide(config, catalogue, stored, NO_SIGNALS, NOW);
    expect(ask).toBe(true);
    expect(state.categories).toEqual({ necessary: true, analytics: false, marketing: false, functional: true });
  });

  it("counts as no decision once the config's revision is raised", () => {
    const stored = makeStored({ categories: { analytics: true, marketing: true } });
    const { state, ask } = decide(makeConfig({ revision: 2 }), catalogue, stored, NO_SIGNALS, NOW);
    expect(ask).toBe(true);
    expect(state).toMatchObject({ decided: false, revision: 2, id: null, updatedAt: null, source: "default" });
    expect(state.categories).toEqual({ necessary: true, analytics: false, marketing: false });
  });

  it("lets a service's own choice override its category both ways", () => {
    const config = makeConfig();
    const off = makeStored({ categories: { analytics: true, marketing: false }, services: { hotjar: false } });
    expect(decide(config, catalogue, off, NO_SIGNALS, NOW).state.services).toMatchObject({ "google-analytics": true, hotjar: false });
    const on = makeStored({ categories: { analytics: false, marketing: false }, services: { hotjar: true } });
    expect(decide(config, catalogue, on, NO_SIGNALS, NOW).state.services).toMatchObject({ "google-analytics": false, hotjar: true });
  });

  it("keeps a service of a required category on whatever its own choice says", () => {
    const stored = makeStored({ services: { stripe: false } });
    expect(decide(makeConfig(), catalogue, stored, NO_SIGNALS, NOW).state.services.stripe).toBe(true);
  });

  it("ignores a stored choice about the required category", () => {
    const stored = makeStored({ categories: { necessary: false, analytics: true, marketing: true } });
    expect(decide(makeConfig(), catalogue, stored, NO_SIGNALS, NOW).state.categories.necessary).toBe(true);
  });
});

describe("decide, with a config that offers nothing", () => {
  it("keeps only necessary on and offers nothing when the config is unreadable", () => {
    const config = { ...defaults(), unreadable: true };
    const { state, ask } = decide(config, catalogue, null, NO_SIGNALS, NOW);
    expect(ask).toBe(false);
    expect(state.decided).toBe(true);
    expect(state.categories).toEqual({ necessary: true });
    expect(state.services).toEqual({ "google-analytics": false, hotjar: false, "facebook-pixel": false, youtube: false, stripe: true });
    expect(state.source).toBe("default");
  });

  it("keeps every optional category off when an unreadable config still names some, even in opt-out mode", () => {
    const config = makeConfig({ mode: "opt-out", unreadable: true });
    const stored = makeStored({ categories: { analytics: true, marketing: true } });
    const { state, ask } = decide(config, catalogue, stored, NO_SIGNALS, NOW);
    expect(ask).toBe(false);
    expect(state.categories).toEqual({ necessary: true, analytics: false, marketing: false });
    expect(state.services).toMatchObject({ "google-analytics": false, hotjar: false, "facebook-pixel": false });
    expect(state.id).toBeNull();
  });

  it("shows no banner when necessary is the only category", () => {
    for (const mode of ["opt-in", "opt-out"] as const) {
      const { state, ask } = decide({ ...defaults(), mode }, catalogue, null, { gpc: true, dnt: true }, NOW);
      expect(ask).toBe(false);
      expect(state.decided).toBe(true);
      expect(state.categories).toEqual({ necessary: true });
      expect(state.source).toBe("default");
    }
  });

  it("starts with every optional category off in opt-in mode and on in opt-out mode", () => {
    expect(decide(makeConfig(), catalogue, null, NO_SIGNALS, NOW).state.categories).toEqual({ necessary: true, analytics: false, marketing: false });
    expect(decide(makeConfig({ mode: "opt-out" }), catalogue, null, NO_SIGNALS, NOW).state.categories).toEqual({ necessary: true, analytics: true, marketing: true });
  });
});

describe("decide, for services the config does not name", () => {
  it("lets a catalogue service follow its catalogue category when the config has it", () => {
    const config = makeConfig({ mode: "opt-out" }, { functional: category() });
    const stored = makeStored({ categories: { analytics: false, marketing: false, functional: true } });
    expect(decide(config, catalogue, stored, NO_SIGNALS, NOW).state.services.youtube).toBe(true);
  });

  it("holds a catalogue service whose catalogue category the config lacks, whatever was chosen", () => {
    const stored = makeStored({ services: { youtube: true } });
    const { state } = decide(makeConfig({ mode: "opt-out" }), catalogue, stored, NO_SIGNALS, NOW);
    expect(state.services.youtube).toBe(false);
  });

  it("files a built-in service under the category that lists it rather than its catalogue one", () => {
    const config = makeConfig();
    config.categories.analytics.services = ["google-analytics"];
    config.categories.marketing.services = ["facebook-pixel", "hotjar"];
    const stored = makeStored({ categories: { analytics: false, marketing: true } });
    expect(decide(config, catalogue, stored, NO_SIGNALS, NOW).state.services.hotjar).toBe(true);
    expect(categoryOf(config, catalogue, "hotjar")).toBe("marketing");
  });

  it("lets a site's own service follow the category it declares", () => {
    const config = makeConfig({ services: { "own-chat": { category: "marketing" } } });
    config.categories.marketing.services.push("own-chat");
    const stored = makeStored({ categories: { analytics: false, marketing: true } });
    expect(decide(config, catalogue, stored, NO_SIGNALS, NOW).state.services["own-chat"]).toBe(true);
  });

  it("holds a service the config leaves in no category", () => {
    const config = makeConfig({ mode: "opt-out", services: { hotjar: { category: "" } } });
    config.categories.analytics.services = ["google-analytics"];
    expect(categoryOf(config, catalogue, "hotjar")).toBe("");
    expect(decide(config, catalogue, null, NO_SIGNALS, NOW).state.services.hotjar).toBe(false);
  });

  it("answers the empty category for an id nobody knows", () => {
    expect(categoryOf(makeConfig(), catalogue, "nobody")).toBe("");
    expect(categoryOf(makeConfig(), catalogue, "toString")).toBe("");
  });
});

describe("decide, as a pure function", () => {
  it("gives the same state for the same inputs and changes none of them", () => {
    const config = makeConfig();
    const stored = makeStored({ services: { hotjar: false } });
    const signals = { gpc: true, dnt: false };
    const before = JSON.stringify([config, stored, signals, catalogue]);
    const first = decide(config, catalogue, stored, signals, NOW);
    expect(decide(config, catalogue, stored, signals, NOW)).toEqual(first);
    expect(JSON.stringify([config, stored, signals, catalogue])).toBe(before);
    expect(first.state.signals).not.toBe(signals);
  });
});

describe("decide, on a page that polluted Object.prototype after ConsentGate started", () => {
  it("counts only the stored decision's own choices", () => {
    const proto = Object.prototype as Record<string, unknown>;
    proto["google-analytics"] = true;
    proto.analytics = true;
    try {
      const rejected = makeStored({ categories: { analytics: false, marketing: false } });
      const { state } = decide(makeConfig(), catalogue, rejected, NO_SIGNALS, NOW);
      expect(state.categories.analytics).toBe(false);
      expect(state.services["google-analytics"]).toBe(false);
      // A category the decision did not speak of is asked about, not taken from the prototype.
      const partial = makeStored({ categories: { marketing: false } });
      const asked = decide(makeConfig(), catalogue, partial, NO_SIGNALS, NOW);
      expect(asked.ask).toBe(true);
      expect(asked.state.categories.analytics).toBe(false);
    } finally {
      delete proto["google-analytics"];
      delete proto.analytics;
    }
  });
});
