// A first-party stand-in for an advertising script, tagged on the CSP pages
// with data-consent="marketing".
(window.cspDemoRan = window.cspDemoRan || []).push("marketing");
document.dispatchEvent(new CustomEvent("csp-demo:ran", { detail: "marketing" }));
