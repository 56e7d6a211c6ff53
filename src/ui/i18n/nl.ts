import type { Translation } from "./en";

export default {
  bannerTitle: "Deze website gebruikt cookies",
  bannerText:
    "Naast de cookies die nodig zijn om de website te laten werken, willen we cookies en vergelijkbare technieken gebruiken voor: {purposes}. Er wordt niets optioneels geladen tot je een keuze maakt, en je kunt je keuze altijd wijzigen.",
  bannerTextOptOut:
    "Wij en onze partners gebruiken cookies en vergelijkbare technieken voor: {purposes}. Een deel hiervan kan gelden als het verkopen of delen van je persoonsgegevens, en je kunt daar altijd bezwaar tegen maken.",
  policyLink: "Privacybeleid",
  acceptAll: "Alles accepteren",
  rejectAll: "Alles weigeren",
  manageChoices: "Keuzes beheren",
  doNotSell: "Mijn persoonsgegevens niet verkopen of delen",
  signalHonoured: "Het privacysignaal van je browser is gerespecteerd.",
  preferencesTitle: "Privacyvoorkeuren",
  preferencesText:
    "Kies welke cookies en vergelijkbare technieken deze website mag gebruiken. Strikt noodzakelijke cookies staan altijd aan, omdat de website zonder niet werkt.",
  saveChoices: "Keuzes opslaan",
  close: "Sluiten",
  alwaysOn: "Altijd aan",
  servicesAndCookies: "Diensten en cookies ({count})",
  provider: "Aanbieder: {provider}",
  servicePolicy: "Privacybeleid",
  cookieName: "Cookie",
  cookieDuration: "Bewaartermijn",
  setBy: "geplaatst door {provider}",
  session: "Sessie",
  embedText:
    "Deze inhoud van {service} blijft verborgen tot je die toestaat, want bij het laden kan {service} cookies plaatsen en zien dat je deze pagina hebt bezocht.",
  allowService: "{service} toestaan",
  onlyThisTime: "Alleen deze keer",
  embedPolicy: "Privacybeleid van {service}",
  reopen: "Privacykeuzes",
  optOutHonoured: "Bezwaar gehonoreerd",
  necessaryTitle: "Strikt noodzakelijk",
  necessaryDescription:
    "Nodig om de website te laten werken en je keuzes te onthouden. Deze kunnen niet worden uitgezet.",
  functionalTitle: "Functioneel",
  functionalDescription: "Onthouden je instellingen en maken functies mogelijk zoals chat, kaarten en video's.",
  analyticsTitle: "Analyse",
  analyticsDescription: "Helpen ons te begrijpen hoe bezoekers de website gebruiken, zodat we die kunnen verbeteren.",
  marketingTitle: "Marketing",
  marketingDescription: "Laten ons en onze partners relevante advertenties tonen en meten hoe goed die werken.",
  purposes: {
    "google-analytics":
      "Meet hoe bezoekers de website gebruiken: bekeken pagina's, bezoekduur en waar ze vandaan komen.",
    "google-tag-manager": "Laadt de overige meet- en advertentietags van de website; plaatst zelf geen cookies.",
    "google-ads":
      "Meet welke advertenties tot een bezoek of aankoop hebben geleid en toont de bezoeker later Google-advertenties.",
    hotjar:
      "Legt vast hoe bezoekers scrollen, klikken en zich over pagina's bewegen, als heatmaps, opnames en enquêtes.",
    "facebook-pixel":
      "Meet bezoeken en aankopen na advertenties op Facebook en Instagram, en richt advertenties op bezoekers.",
    mixpanel: "Telt welke functies bezoekers gebruiken en hoe ze door het product navigeren.",
    "firebase-analytics":
      "Meet via Google Analytics hoe bezoekers de website en app gebruiken, en registreert de browser bij Firebase.",
    appsflyer: "Koppelt bezoeken, aanmeldingen en app-installaties aan de campagnes die ze hebben opgeleverd.",
    intercom: "Verzorgt de supportchat en onthoudt het gesprek van bezoek tot bezoek.",
    "google-recaptcha":
      "Beschermt formulieren tegen spam en geautomatiseerd misbruik door mensen van bots te onderscheiden.",
    stripe: "Verwerkt betalingen en herkent frauduleuze betalingen.",
    mailchimp: "Koppelt bezoeken aan nieuwsbriefcampagnes en toont aanmeldpop-ups.",
    "salesforce-pardot": "Koppelt bezoeken aan leads en contacten voor marketingmails en opvolging door sales.",
    "facebook-messenger":
      "Toont het Messenger-chatvenster, zodat bezoekers de website vanuit hun Facebook-account een bericht kunnen sturen.",
    "microsoft-clarity":
      "Legt vast hoe bezoekers scrollen, klikken en zich over pagina's bewegen, als heatmaps en sessie-opnames.",
    "linkedin-insight":
      "Meet conversies uit LinkedIn-advertenties en stelt doelgroepen samen om ze aan te tonen.",
    "tiktok-pixel": "Meet bezoeken en aankopen na TikTok-advertenties, en richt advertenties op bezoekers.",
    youtube:
      "Speelt ingesloten video's af; Google ziet wat er wordt bekeken en gebruikt dat voor advertenties en aanbevelingen.",
  },
} satisfies Translation;
