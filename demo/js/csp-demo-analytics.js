// A first-party stand-in for an analytics script, tagged on the CSP pages with
// data-consent="analytics". Being served from this origin, it shows the gate
// under a strict CSP without any third-party request.
(window.cspDemoRan = window.cspDemoRan || []).push("analytics");
document.dispatchEvent(new CustomEvent("csp-demo:ran", { detail: "analytics" }));
