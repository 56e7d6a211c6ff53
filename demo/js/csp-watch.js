// Counts Content-Security-Policy violations from the first moment after
// consentgate.js, so the CSP pages can show how many there were (zero is the
// point). A classic, synchronous script: a module would start listening only
// after the page was parsed and could miss the early ones.
(function () {
  "use strict";
  var seen = (window.cspViolations = []);
  document.addEventListener("securitypolicyviolation", function (e) {
    seen.push({
      directive: e.effectiveDirective || e.violatedDirective,
      blocked: e.blockedURI,
      sample: e.sample,
      source: e.sourceFile ? e.sourceFile + ":" + e.lineNumber : "",
    });
    document.dispatchEvent(new CustomEvent("csp-demo:violation"));
  });
})();
