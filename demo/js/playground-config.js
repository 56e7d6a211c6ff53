// The playground's pre-script. It is the one script that runs before
// consentgate.js on any demo page, because three things must be in place
// before ConsentGate boots, and a strict CSP forbids doing them inline:
//
//  1. the config being edited, as window.consentgateConfig (the page has no
//     JSON element, so there is no doubt which of the two is read);
//  2. a wrapper around console.error / console.warn that keeps ConsentGate's
//     "[consentgate] …" messages, so the editor can show them inline; they
//     are printed while ConsentGate reads the config, before any other page
//     script could listen;
//  3. the simulated privacy signals: ConsentGate reads GPC and DNT once, at
//     boot, so the getters must be replaced before then.
//
// A real site never needs a script before consentgate.js.
(function () {
  "use strict";

  var KEYS = {
    config: "consentgate-demo:playground-config",
    gpc: "consentgate-demo:simulate-gpc",
    dnt: "consentgate-demo:simulate-dnt",
  };

  var defaultConfig = {
    categories: {
      functional: {
        services: ["intercom", "youtube"],
        description: "Support chat and embedded videos.",
      },
      analytics: {
        services: ["google-analytics", "hotjar", "mixpanel", "microsoft-clarity"],
        description: "How the site is used.",
      },
      marketing: {
        services: ["facebook-pixel", "google-ads", "linkedin-insight", "tiktok-pixel"],
        sale: true,
        description: "Advertising and its measurement.",
      },
    },
    mode: "opt-in",
    signals: { gpc: true, dnt: false },
    googleConsentMode: true,
    policyUrl: "/playground.html#about",
    ui: { layout: "bar", position: "bottom", theme: "auto", reopenButton: false },
    cookie: { name: "cg_playground" },
  };

  function read(key) {
    try {
      return window.localStorage.getItem(key);
    } catch (e) {
      return null; // storage blocked: the playground still works with the defaults
    }
  }

  var messages = [];
  var stored = read(KEYS.config);
  var config = defaultConfig;
  var storedError = null;
  if (stored !== null) {
    try {
      config = JSON.parse(stored);
    } catch (e) {
      // The editor never stores invalid JSON; if someone did by hand, say so
      // and boot with the default config.
      storedError = String(e && e.message);
    }
  }

  window.consentgatePlayground = {
    keys: KEYS,
    defaultConfig: defaultConfig,
    configText: stored !== null ? stored : JSON.stringify(defaultConfig, null, 2),
    usingStoredConfig: stored !== null && storedError === null,
    storedError: storedError,
    simulated: { gpc: read(KEYS.gpc) === "1", dnt: read(KEYS.dnt) === "1" },
    messages: messages,
  };

  function show(value) {
    if (typeof value === "string") return value;
    if (value instanceof Error) return String(value);
    try {
      return JSON.stringify(value);
    } catch (e) {
      return String(value);
    }
  }

  ["error", "warn"].forEach(function (level) {
    var original = console[level];
    console[level] = function () {
      var first = arguments[0];
      if (typeof first === "string" && first.indexOf("[consentgate]") === 0) {
        var message = {
          level: level,
          text: Array.prototype.map.call(arguments, show).join(" "),
          time: Date.now(),
        };
        messages.push(message);
        try {
          document.dispatchEvent(new CustomEvent("playground:message", { detail: message }));
        } catch (e) {
          // no listener yet: the message is kept in the list
        }
      }
      return original.apply(console, arguments);
    };
  });

  function simulate(name, value) {
    try {
      Object.defineProperty(Navigator.prototype, name, {
        configurable: true,
        enumerable: true,
        get: function () {
          return value;
        },
      });
    } catch (e) {
      // a browser that refuses: the signal is simply not simulated
    }
  }
  if (window.consentgatePlayground.simulated.gpc) simulate("globalPrivacyControl", true);
  if (window.consentgatePlayground.simulated.dnt) simulate("doNotTrack", "1");

  window.consentgateConfig = config;
})();
