import type { Translation } from "./en";

export default {
  bannerTitle: "Diese Website verwendet Cookies",
  bannerText:
    "Neben den Cookies, die für den Betrieb der Website nötig sind, möchten wir Cookies und ähnliche Technologien für folgende Zwecke einsetzen: {purposes}. Optionales wird erst aktiv, wenn Sie es erlauben, und Sie können Ihre Wahl jederzeit ändern.",
  bannerTextOptOut:
    "Wir und unsere Partner verwenden Cookies und ähnliche Technologien zu diesen Zwecken: {purposes}. Teilweise kann das als Verkauf oder Weitergabe Ihrer personenbezogenen Daten gelten; Sie können dem jederzeit widersprechen.",
  policyLink: "Datenschutzerklärung",
  acceptAll: "Alle akzeptieren",
  rejectAll: "Alle ablehnen",
  manageChoices: "Auswahl anpassen",
  doNotSell: "Meine personenbezogenen Daten nicht verkaufen oder weitergeben",
  signalHonoured: "Das Datenschutzsignal Ihres Browsers wurde berücksichtigt.",
  preferencesTitle: "Datenschutz-Einstellungen",
  preferencesText:
    "Wählen Sie, welche Cookies und ähnlichen Technologien diese Website verwenden darf. Unbedingt erforderliche sind immer aktiv, weil die Website ohne sie nicht funktioniert.",
  saveChoices: "Auswahl speichern",
  close: "Schließen",
  alwaysOn: "Immer aktiv",
  servicesAndCookies: "Dienste und Cookies ({count})",
  provider: "Anbieter: {provider}",
  servicePolicy: "Datenschutzerklärung",
  cookieName: "Cookie",
  cookieDuration: "Speicherdauer",
  setBy: "gesetzt von {provider}",
  session: "Sitzung",
  embedText:
    "Dieser Inhalt von {service} bleibt ausgeblendet, bis Sie ihn erlauben, denn beim Laden kann {service} Cookies setzen und erfahren, dass Sie diese Seite besucht haben.",
  allowService: "{service} erlauben",
  onlyThisTime: "Nur dieses Mal",
  embedPolicy: "Datenschutzerklärung von {service}",
  reopen: "Datenschutz-Einstellungen",
  optOutHonoured: "Widerspruch berücksichtigt",
  necessaryTitle: "Unbedingt erforderlich",
  necessaryDescription:
    "Nötig für den Betrieb der Website und um Ihre Auswahl zu speichern. Sie lassen sich nicht abschalten.",
  functionalTitle: "Funktional",
  functionalDescription: "Speichern Ihre Einstellungen und ermöglichen Funktionen wie Chat, Karten und Videos.",
  analyticsTitle: "Statistik",
  analyticsDescription: "Helfen uns zu verstehen, wie Besucher die Website nutzen, damit wir sie verbessern können.",
  marketingTitle: "Marketing",
  marketingDescription:
    "Ermöglichen uns und unseren Partnern, Ihnen passende Werbung zu zeigen und deren Wirkung zu messen.",
  purposes: {
    "google-analytics": "Misst, wie Besucher die Website nutzen: aufgerufene Seiten, Verweildauer und Herkunft.",
    "google-tag-manager": "Lädt die übrigen Mess- und Werbe-Tags der Website; setzt selbst keine Cookies.",
    "google-ads":
      "Misst, welche Anzeigen zu einem Besuch oder Kauf geführt haben, und zeigt Besuchern später Google-Anzeigen.",
    hotjar:
      "Zeichnet auf, wie Besucher scrollen, klicken und sich über die Seiten bewegen – als Heatmaps, Aufzeichnungen und Umfragen.",
    "facebook-pixel":
      "Misst Besuche und Käufe nach Anzeigen auf Facebook und Instagram und richtet Werbung auf Besucher aus.",
    mixpanel: "Erfasst, welche Funktionen Besucher nutzen und wie sie sich durch das Produkt bewegen.",
    "firebase-analytics":
      "Misst über Google Analytics, wie Besucher Website und App nutzen, und registriert den Browser bei Firebase.",
    appsflyer: "Ordnet Besuche, Registrierungen und App-Installationen den Kampagnen zu, die sie ausgelöst haben.",
    intercom: "Betreibt den Support-Chat und merkt sich das Gespräch von Besuch zu Besuch.",
    "google-recaptcha":
      "Schützt Formulare vor Spam und automatisiertem Missbrauch, indem es Menschen von Bots unterscheidet.",
    stripe: "Wickelt Zahlungen ab und erkennt betrügerische Zahlungen.",
    mailchimp: "Verknüpft Besuche mit Newsletter-Kampagnen und zeigt Anmelde-Pop-ups.",
    "salesforce-pardot":
      "Verknüpft Besuche mit Leads und Kontakten für Marketing-E-Mails und die Nachverfolgung durch den Vertrieb.",
    "facebook-messenger":
      "Zeigt das Messenger-Chatfenster, damit Besucher der Website über ihr Facebook-Konto schreiben können.",
    "microsoft-clarity":
      "Zeichnet auf, wie Besucher scrollen, klicken und sich über die Seiten bewegen – als Heatmaps und Sitzungsaufzeichnungen.",
    "linkedin-insight": "Misst Conversions aus LinkedIn-Anzeigen und bildet Zielgruppen, denen sie gezeigt werden.",
    "tiktok-pixel": "Misst Besuche und Käufe nach TikTok-Anzeigen und richtet Werbung auf Besucher aus.",
    youtube:
      "Spielt eingebettete Videos ab; Google erfährt, was angesehen wird, und nutzt das für Werbung und Empfehlungen.",
  },
} satisfies Translation;
