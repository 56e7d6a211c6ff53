// Minta's "Chat with us" button, wired the way a site would: open the chat if
// Intercom is allowed, otherwise show the preferences so the visitor can allow
// it. Clicking the button is not itself consent to Intercom's tracking.
const api = window.ConsentGate;
const button = document.getElementById("chat");
const status = document.getElementById("chat-status");

button?.addEventListener("click", () => {
  if (!api) return;
  if (api.allows("intercom")) {
    if (typeof window.Intercom === "function") window.Intercom("show");
    status.textContent =
      "Intercom is allowed, so its widget is asked to open (with a placeholder app id, nothing appears).";
  } else {
    status.textContent = "Support chat is off: the preferences are open so you can allow it.";
    api.open("preferences");
  }
});
