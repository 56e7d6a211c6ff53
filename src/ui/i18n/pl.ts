import type { Translation } from "./en";

// "serwis {service}" keeps service names out of Polish declension.
export default {
  bannerTitle: "Ta strona używa plików cookie",
  bannerText:
    "Oprócz plików cookie niezbędnych do działania strony chcielibyśmy używać plików cookie i podobnych technologii w celach: {purposes}. Nic opcjonalnego nie zostanie uruchomione, dopóki nie dokonasz wyboru, a decyzję możesz zmienić w każdej chwili.",
  bannerTextOptOut:
    "Z partnerami używamy plików cookie i podobnych technologii w celach: {purposes}. Część z tego może być uznana za sprzedaż lub udostępnianie danych osobowych; możesz zgłosić sprzeciw w każdej chwili.",
  policyLink: "Polityka prywatności",
  acceptAll: "Zaakceptuj wszystkie",
  rejectAll: "Odrzuć wszystkie",
  manageChoices: "Zarządzaj wyborem",
  doNotSell: "Nie sprzedawaj ani nie udostępniaj moich danych osobowych",
  signalHonoured: "Uwzględniliśmy sygnał prywatności przeglądarki.",
  preferencesTitle: "Ustawienia prywatności",
  preferencesText:
    "Wybierz, z jakich plików cookie i podobnych technologii może korzystać ta strona. Niezbędne są zawsze włączone, ponieważ bez nich strona nie działa.",
  saveChoices: "Zapisz wybór",
  close: "Zamknij",
  alwaysOn: "Zawsze włączone",
  servicesAndCookies: "Usługi i pliki cookie ({count})",
  provider: "Dostawca: {provider}",
  servicePolicy: "Polityka prywatności",
  cookieName: "Plik cookie",
  cookieDuration: "Okres przechowywania",
  setBy: "zapisywany przez {provider}",
  session: "Sesja",
  embedText:
    "Treści z serwisu {service} są ukryte, dopóki na nie nie zezwolisz, ponieważ ich wczytanie pozwala serwisowi {service} zapisywać pliki cookie i dowiedzieć się, że odwiedzasz tę stronę.",
  allowService: "Zezwól na serwis {service}",
  onlyThisTime: "Tylko tym razem",
  embedPolicy: "Polityka prywatności serwisu {service}",
  reopen: "Ustawienia prywatności",
  optOutHonoured: "Sprzeciw został uwzględniony",
  necessaryTitle: "Niezbędne",
  necessaryDescription: "Potrzebne do działania strony i zapamiętania Twojego wyboru. Nie można ich wyłączyć.",
  functionalTitle: "Funkcjonalne",
  functionalDescription: "Zapamiętują Twoje ustawienia i umożliwiają funkcje takie jak czat, mapy i filmy.",
  analyticsTitle: "Analityczne",
  analyticsDescription: "Pomagają nam zrozumieć, jak odwiedzający korzystają ze strony, abyśmy mogli ją ulepszać.",
  marketingTitle: "Marketingowe",
  marketingDescription: "Pozwalają nam i naszym partnerom wyświetlać Ci trafne reklamy i mierzyć ich skuteczność.",
  purposes: {
    "google-analytics":
      "Mierzy, jak odwiedzający korzystają ze strony: wyświetlone podstrony, czas wizyty i źródło wejścia.",
    "google-tag-manager": "Wczytuje pozostałe tagi pomiarowe i reklamowe strony; sam nie zapisuje plików cookie.",
    "google-ads":
      "Mierzy, które reklamy doprowadziły do wizyty lub zakupu, i później wyświetla odwiedzającemu reklamy Google.",
    hotjar:
      "Rejestruje, jak odwiedzający przewijają, klikają i poruszają się po stronach – w postaci map cieplnych, nagrań i ankiet.",
    "facebook-pixel":
      "Mierzy wizyty i zakupy po reklamach na Facebooku i Instagramie oraz kieruje reklamy do odwiedzających.",
    mixpanel: "Zlicza, z jakich funkcji korzystają odwiedzający i jak poruszają się po produkcie.",
    "firebase-analytics":
      "Mierzy za pomocą Google Analytics, jak odwiedzający korzystają ze strony i aplikacji, oraz rejestruje przeglądarkę w Firebase.",
    appsflyer: "Przypisuje wizyty, rejestracje i instalacje aplikacji do kampanii, które do nich doprowadziły.",
    intercom: "Obsługuje czat pomocy i zapamiętuje rozmowę między wizytami.",
    "google-recaptcha":
      "Chroni formularze przed spamem i automatycznymi nadużyciami, odróżniając ludzi od botów.",
    stripe: "Przetwarza płatności i wykrywa oszustwa.",
    mailchimp: "Łączy wizyty z kampaniami newslettera i wyświetla okienka zapisu.",
    "salesforce-pardot":
      "Łączy wizyty z leadami i kontaktami na potrzeby e-maili marketingowych i działań sprzedaży.",
    "facebook-messenger":
      "Wyświetla okno czatu Messengera, aby odwiedzający mogli pisać do strony ze swojego konta na Facebooku.",
    "microsoft-clarity":
      "Rejestruje, jak odwiedzający przewijają, klikają i poruszają się po stronach – w postaci map cieplnych i nagrań sesji.",
    "linkedin-insight":
      "Mierzy konwersje z reklam na LinkedInie i tworzy grupy odbiorców, którym te reklamy są wyświetlane.",
    "tiktok-pixel": "Mierzy wizyty i zakupy po reklamach na TikToku oraz kieruje reklamy do odwiedzających.",
    youtube:
      "Odtwarza osadzone filmy; Google dowiaduje się, co jest oglądane, i wykorzystuje to do reklam i rekomendacji.",
  },
} satisfies Translation;
