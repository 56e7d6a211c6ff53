import type { Translation } from "./en";

export default {
  bannerTitle: "Questo sito utilizza i cookie",
  bannerText:
    "Oltre ai cookie necessari al funzionamento del sito, vorremmo usare cookie e tecnologie simili per: {purposes}. Nulla di facoltativo viene attivato prima della tua scelta, e puoi cambiare idea in qualsiasi momento.",
  bannerTextOptOut:
    "Noi e i nostri partner usiamo cookie e tecnologie simili per: {purposes}. Parte di questo uso può costituire vendita o condivisione dei tuoi dati personali, e puoi opporti in qualsiasi momento.",
  policyLink: "Informativa sulla privacy",
  acceptAll: "Accetta tutti",
  rejectAll: "Rifiuta tutti",
  manageChoices: "Gestisci le scelte",
  doNotSell: "Non vendere né condividere i miei dati personali",
  signalHonoured: "Il segnale di privacy del tuo browser è stato rispettato.",
  preferencesTitle: "Preferenze sulla privacy",
  preferencesText:
    "Scegli quali cookie e tecnologie simili può usare questo sito. Quelli strettamente necessari sono sempre attivi, perché senza di essi il sito non funziona.",
  saveChoices: "Salva le scelte",
  close: "Chiudi",
  alwaysOn: "Sempre attivi",
  servicesAndCookies: "Servizi e cookie ({count})",
  provider: "Fornitore: {provider}",
  servicePolicy: "Informativa sulla privacy",
  cookieName: "Cookie",
  cookieDuration: "Durata",
  setBy: "impostato da {provider}",
  session: "Sessione",
  embedText:
    "Questo contenuto di {service} resta nascosto finché non lo consenti, perché caricandolo {service} può impostare cookie e sapere che hai visitato questa pagina.",
  allowService: "Consenti {service}",
  onlyThisTime: "Solo questa volta",
  embedPolicy: "Informativa sulla privacy di {service}",
  reopen: "Scelte sulla privacy",
  optOutHonoured: "Richiesta di opposizione rispettata",
  necessaryTitle: "Strettamente necessari",
  necessaryDescription:
    "Servono al funzionamento del sito e a ricordare le tue scelte. Non possono essere disattivati.",
  functionalTitle: "Funzionali",
  functionalDescription: "Ricordano le tue impostazioni e attivano funzioni come chat, mappe e video.",
  analyticsTitle: "Statistiche",
  analyticsDescription: "Ci aiutano a capire come i visitatori usano il sito, per poterlo migliorare.",
  marketingTitle: "Marketing",
  marketingDescription:
    "Permettono a noi e ai nostri partner di mostrarti annunci pertinenti e di misurarne l'efficacia.",
  purposes: {
    "google-analytics": "Misura come i visitatori usano il sito: pagine viste, tempo trascorso e provenienza.",
    "google-tag-manager": "Carica gli altri tag di misurazione e pubblicità del sito; non imposta cookie propri.",
    "google-ads":
      "Misura quali annunci hanno portato a una visita o a un acquisto e in seguito mostra al visitatore annunci Google.",
    hotjar:
      "Registra come i visitatori scorrono, cliccano e si muovono nelle pagine, sotto forma di mappe di calore, registrazioni e sondaggi.",
    "facebook-pixel":
      "Misura visite e acquisti successivi agli annunci su Facebook e Instagram e indirizza annunci ai visitatori.",
    mixpanel: "Conta quali funzioni usano i visitatori e come si muovono all'interno del prodotto.",
    "firebase-analytics":
      "Misura con Google Analytics come i visitatori usano il sito e l'app, e registra il browser presso Firebase.",
    appsflyer: "Attribuisce visite, iscrizioni e installazioni di app alle campagne che le hanno generate.",
    intercom: "Gestisce la chat di assistenza e ricorda la conversazione da una visita all'altra.",
    "google-recaptcha": "Protegge i moduli da spam e abusi automatizzati distinguendo le persone dai bot.",
    stripe: "Elabora i pagamenti e individua quelli fraudolenti.",
    mailchimp: "Collega le visite alle campagne newsletter e mostra pop-up di iscrizione.",
    "salesforce-pardot": "Collega le visite a lead e contatti per e-mail di marketing e follow-up commerciali.",
    "facebook-messenger":
      "Mostra la finestra di chat di Messenger, così i visitatori possono scrivere al sito dal loro account Facebook.",
    "microsoft-clarity":
      "Registra come i visitatori scorrono, cliccano e si muovono nelle pagine, sotto forma di mappe di calore e registrazioni delle sessioni.",
    "linkedin-insight": "Misura le conversioni dagli annunci LinkedIn e crea pubblici a cui mostrarli.",
    "tiktok-pixel": "Misura visite e acquisti successivi agli annunci TikTok e indirizza annunci ai visitatori.",
    youtube:
      "Riproduce i video incorporati; Google apprende cosa viene guardato e lo usa per pubblicità e consigli.",
  },
} satisfies Translation;
