import type { Ui } from "./ui";

/**
 * The small fixed button back to the preferences (`ui.reopenButton`). In
 * `opt-out` mode, when a signal opted the visitor out, it says so in words.
 */
export function ReopenButton({ ui }: { ui: Ui }) {
  const { api, ctx, text } = ui;
  const label = text.t("reopen");
  const honoured = ctx.config.mode == "opt-out" && ui.honoured();
  return (
    <button
      class="cg-reopen"
      ref={ui.lift}
      // The name, while the icon is all it shows (an aria-label too would be read twice).
      title={label}
      onClick={() => api.open("preferences")}
    >
      <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
        <path
          fill="currentColor"
          fill-rule="evenodd"
          d="M12 2a10 10 0 1 0 10 10 4 4 0 0 1-5-5 4 4 0 0 1-5-5ZM7.5 10a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3Zm4 5a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3Zm5-1a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3Z"
        />
      </svg>
      {honoured && <span>{text.t("optOutHonoured")}</span>}
    </button>
  );
}
