import type { Translation } from "./en";

export default {
  bannerTitle: "Ši svetainė naudoja slapukus",
  bannerText:
    "Be slapukų, kurių reikia svetainei veikti, norėtume naudoti slapukus ir panašias technologijas šiais tikslais: {purposes}. Kol nepasirinksite, jokie pasirenkamieji slapukai neveikia, o sprendimą galite bet kada pakeisti.",
  bannerTextOptOut:
    "Mes ir mūsų partneriai naudojame slapukus ir panašias technologijas šiais tikslais: {purposes}. Dalis to gali būti laikoma jūsų asmeninės informacijos pardavimu ar dalijimusi ja, o jūs bet kada galite tam prieštarauti.",
  policyLink: "Privatumo politika",
  acceptAll: "Priimti visus",
  rejectAll: "Atmesti visus",
  manageChoices: "Tvarkyti pasirinkimus",
  doNotSell: "Neparduoti mano asmeninės informacijos ir ja nesidalyti",
  signalHonoured: "Atsižvelgta į jūsų naršyklės privatumo signalą.",
  preferencesTitle: "Privatumo nustatymai",
  preferencesText:
    "Pasirinkite, kokius slapukus ir panašias technologijas ši svetainė gali naudoti. Būtinieji visada įjungti, nes be jų svetainė neveikia.",
  saveChoices: "Išsaugoti pasirinkimus",
  close: "Uždaryti",
  alwaysOn: "Visada įjungti",
  servicesAndCookies: "Paslaugos ir slapukai ({count})",
  provider: "Teikėjas: {provider}",
  servicePolicy: "Privatumo politika",
  cookieName: "Slapukas",
  cookieDuration: "Galiojimas",
  setBy: "įrašo {provider}",
  session: "Iki naršyklės uždarymo",
  embedText:
    "Šis {service} turinys paslėptas, kol jo neleisite, nes jį įkėlus {service} gali įrašyti slapukus ir sužinoti, kad lankėtės šiame puslapyje.",
  allowService: "Leisti {service}",
  onlyThisTime: "Tik šį kartą",
  embedPolicy: "{service} privatumo politika",
  reopen: "Privatumo pasirinkimai",
  optOutHonoured: "Atsisakymo prašymas įvykdytas",
  necessaryTitle: "Būtinieji",
  necessaryDescription: "Reikalingi, kad svetainė veiktų ir įsimintų jūsų pasirinkimus. Jų išjungti negalima.",
  functionalTitle: "Funkciniai",
  functionalDescription:
    "Įsimena jūsų nustatymus ir įgalina tokias funkcijas kaip pokalbiai, žemėlapiai ir vaizdo įrašai.",
  analyticsTitle: "Analitiniai",
  analyticsDescription: "Padeda mums suprasti, kaip lankytojai naudojasi svetaine, kad galėtume ją tobulinti.",
  marketingTitle: "Rinkodaros",
  marketingDescription: "Leidžia mums ir mūsų partneriams rodyti jums aktualias reklamas ir vertinti jų veiksmingumą.",
  purposes: {
    "google-analytics":
      "Matuoja, kaip lankytojai naudojasi svetaine: kokius puslapius peržiūri, kiek laiko praleidžia ir iš kur ateina.",
    "google-tag-manager": "Įkelia kitas svetainės matavimo ir reklamos žymas; pati slapukų neįrašo.",
    "google-ads":
      "Matuoja, kurios reklamos lėmė apsilankymą ar pirkimą, ir vėliau rodo lankytojui „Google“ reklamas.",
    hotjar:
      "Įrašo, kaip lankytojai slenka, spusteli ir juda puslapiuose – šilumos žemėlapių, įrašų ir apklausų pavidalu.",
    "facebook-pixel":
      "Matuoja apsilankymus ir pirkimus po „Facebook“ ir „Instagram“ reklamų ir nukreipia reklamas lankytojams.",
    mixpanel: "Skaičiuoja, kokias funkcijas lankytojai naudoja ir kaip jie naršo produkte.",
    "firebase-analytics":
      "Per „Google Analytics“ matuoja, kaip lankytojai naudojasi svetaine ir programėle, ir užregistruoja naršyklę „Firebase“.",
    appsflyer: "Priskiria apsilankymus, registracijas ir programėlių įdiegimus juos atvedusioms kampanijoms.",
    intercom: "Valdo pagalbos pokalbius ir įsimena pokalbį tarp apsilankymų.",
    "google-recaptcha":
      "Saugo formas nuo šlamšto ir automatinio piktnaudžiavimo, atskirdama žmones nuo robotų.",
    stripe: "Apdoroja mokėjimus ir aptinka sukčiavimą.",
    mailchimp: "Susieja apsilankymus su naujienlaiškių kampanijomis ir rodo prenumeratos langus.",
    "salesforce-pardot":
      "Susieja apsilankymus su potencialiais klientais ir kontaktais rinkodaros laiškams ir pardavimų veiklai.",
    "facebook-messenger":
      "Rodo „Messenger“ pokalbių langą, kad lankytojai galėtų rašyti svetainei iš savo „Facebook“ paskyros.",
    "microsoft-clarity":
      "Įrašo, kaip lankytojai slenka, spusteli ir juda puslapiuose – šilumos žemėlapių ir seansų įrašų pavidalu.",
    "linkedin-insight": "Matuoja konversijas iš „LinkedIn“ reklamų ir kuria auditorijas, kurioms jos rodomos.",
    "tiktok-pixel": "Matuoja apsilankymus ir pirkimus po „TikTok“ reklamų ir nukreipia reklamas lankytojams.",
    youtube:
      "Leidžia įterptus vaizdo įrašus; „Google“ sužino, kas žiūrima, ir tai naudoja reklamai bei rekomendacijoms.",
  },
} satisfies Translation;
