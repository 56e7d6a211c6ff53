import type { Translation } from "./en";

// French typography puts a no-break space (\u00a0) before ":" and ";".
export default {
  bannerTitle: "Ce site utilise des cookies",
  bannerText:
    "En plus des cookies nécessaires au fonctionnement du site, nous souhaitons utiliser des cookies et technologies similaires pour\u00a0: {purposes}. Rien d'optionnel n'est activé avant votre choix, et vous pouvez le modifier à tout moment.",
  bannerTextOptOut:
    "Nos partenaires et nous utilisons des cookies et technologies similaires pour\u00a0: {purposes}. Une partie de ces usages peut constituer une vente ou un partage de vos informations personnelles, et vous pouvez vous y opposer à tout moment.",
  policyLink: "Politique de confidentialité",
  acceptAll: "Tout accepter",
  rejectAll: "Tout refuser",
  manageChoices: "Personnaliser mes choix",
  doNotSell: "Ne pas vendre ni partager mes informations personnelles",
  signalHonoured: "Le signal de confidentialité de votre navigateur a été respecté.",
  preferencesTitle: "Préférences de confidentialité",
  preferencesText:
    "Choisissez les cookies et technologies similaires que ce site peut utiliser. Les cookies strictement nécessaires restent toujours actifs, car le site ne peut pas fonctionner sans eux.",
  saveChoices: "Enregistrer mes choix",
  close: "Fermer",
  alwaysOn: "Toujours actifs",
  servicesAndCookies: "Services et cookies ({count})",
  provider: "Fournisseur\u00a0: {provider}",
  servicePolicy: "Politique de confidentialité",
  cookieName: "Cookie",
  cookieDuration: "Durée",
  setBy: "déposé par {provider}",
  session: "Session",
  embedText:
    "Ce contenu de {service} reste masqué tant que vous ne l'autorisez pas, car son chargement permet à {service} de déposer des cookies et de savoir que vous avez visité cette page.",
  allowService: "Autoriser {service}",
  onlyThisTime: "Uniquement cette fois",
  embedPolicy: "Politique de confidentialité de {service}",
  reopen: "Gérer les cookies",
  optOutHonoured: "Demande d'opposition respectée",
  necessaryTitle: "Strictement nécessaires",
  necessaryDescription:
    "Indispensables au fonctionnement du site et à la mémorisation de vos choix. Ils ne peuvent pas être désactivés.",
  functionalTitle: "Fonctionnels",
  functionalDescription:
    "Mémorisent vos réglages et activent des fonctionnalités comme le chat, les cartes et les vidéos.",
  analyticsTitle: "Mesure d'audience",
  analyticsDescription: "Nous aident à comprendre comment les visiteurs utilisent le site, afin de l'améliorer.",
  marketingTitle: "Marketing",
  marketingDescription:
    "Permettent à nos partenaires et à nous-mêmes de vous montrer des publicités pertinentes et d'en mesurer l'efficacité.",
  purposes: {
    "google-analytics":
      "Mesure l'utilisation du site\u00a0: pages consultées, temps passé et provenance des visiteurs.",
    "google-tag-manager":
      "Charge les autres balises de mesure et de publicité du site\u00a0; ne dépose aucun cookie lui-même.",
    "google-ads":
      "Mesure quelles annonces ont mené à une visite ou à un achat, puis affiche des annonces Google au visiteur.",
    hotjar:
      "Enregistre comment les visiteurs font défiler, cliquent et se déplacent sur les pages, sous forme de cartes de chaleur, d'enregistrements et de sondages.",
    "facebook-pixel":
      "Mesure les visites et achats qui suivent les publicités Facebook et Instagram, et cible les visiteurs avec des publicités.",
    mixpanel: "Compte les fonctionnalités utilisées par les visiteurs et leur parcours dans le produit.",
    "firebase-analytics":
      "Mesure l'utilisation du site et de l'application via Google Analytics, et enregistre le navigateur auprès de Firebase.",
    appsflyer: "Attribue les visites, inscriptions et installations d'applications aux campagnes qui les ont générées.",
    intercom: "Fait fonctionner le chat d'assistance et conserve la conversation d'une visite à l'autre.",
    "google-recaptcha":
      "Protège les formulaires contre le spam et les abus automatisés en distinguant les humains des robots.",
    stripe: "Traite les paiements et détecte les paiements frauduleux.",
    mailchimp: "Relie les visites aux campagnes de newsletter et affiche des fenêtres d'inscription.",
    "salesforce-pardot":
      "Relie les visites aux prospects et aux contacts pour les e-mails marketing et le suivi commercial.",
    "facebook-messenger":
      "Affiche la fenêtre de discussion Messenger pour que les visiteurs puissent écrire au site depuis leur compte Facebook.",
    "microsoft-clarity":
      "Enregistre comment les visiteurs font défiler, cliquent et se déplacent sur les pages, sous forme de cartes de chaleur et d'enregistrements de session.",
    "linkedin-insight":
      "Mesure les conversions issues des publicités LinkedIn et constitue des audiences auxquelles les montrer.",
    "tiktok-pixel":
      "Mesure les visites et achats qui suivent les publicités TikTok, et cible les visiteurs avec des publicités.",
    youtube:
      "Lit les vidéos intégrées\u00a0; Google apprend ce qui est regardé et s'en sert pour la publicité et les recommandations.",
  },
} satisfies Translation;
