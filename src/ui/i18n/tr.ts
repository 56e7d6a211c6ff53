import type { Translation } from "./en";

// Sentences are built so that service names need no Turkish case suffix.
export default {
  bannerTitle: "Bu site çerez kullanıyor",
  bannerText:
    "Sitenin çalışması için gerekli çerezlerin yanı sıra, çerezleri ve benzer teknolojileri şu amaçlarla kullanmak istiyoruz: {purposes}. Siz seçim yapana kadar isteğe bağlı hiçbir şey çalışmaz ve kararınızı istediğiniz zaman değiştirebilirsiniz.",
  bannerTextOptOut:
    "Biz ve iş ortaklarımız çerezleri ve benzer teknolojileri şu amaçlarla kullanıyoruz: {purposes}. Bunların bir kısmı kişisel bilgilerinizin satışı veya paylaşılması sayılabilir; buna istediğiniz zaman itiraz edebilirsiniz.",
  policyLink: "Gizlilik politikası",
  acceptAll: "Tümünü kabul et",
  rejectAll: "Tümünü reddet",
  manageChoices: "Seçimleri yönet",
  doNotSell: "Kişisel bilgilerimi satma veya paylaşma",
  signalHonoured: "Tarayıcınızın gizlilik sinyaline uyuldu.",
  preferencesTitle: "Gizlilik tercihleri",
  preferencesText:
    "Bu sitenin hangi çerezleri ve benzer teknolojileri kullanabileceğini seçin. Kesinlikle gerekli olanlar her zaman açıktır, çünkü site onlar olmadan çalışamaz.",
  saveChoices: "Seçimleri kaydet",
  close: "Kapat",
  alwaysOn: "Her zaman açık",
  servicesAndCookies: "Hizmetler ve çerezler ({count})",
  provider: "Sağlayıcı: {provider}",
  servicePolicy: "Gizlilik politikası",
  cookieName: "Çerez",
  cookieDuration: "Süre",
  setBy: "ayarlayan: {provider}",
  session: "Oturum",
  embedText:
    "{service} içeriği siz izin verene kadar gizli kalır, çünkü yüklendiğinde bu hizmet çerez ayarlayabilir ve bu sayfayı ziyaret ettiğinizi öğrenebilir.",
  allowService: "İzin ver: {service}",
  onlyThisTime: "Yalnızca bu sefer",
  embedPolicy: "Gizlilik politikası: {service}",
  reopen: "Gizlilik seçenekleri",
  optOutHonoured: "Devre dışı bırakma talebinize uyuldu",
  necessaryTitle: "Kesinlikle gerekli",
  necessaryDescription: "Sitenin çalışması ve seçimlerinizin hatırlanması için gereklidir. Kapatılamaz.",
  functionalTitle: "İşlevsel",
  functionalDescription: "Ayarlarınızı hatırlar ve sohbet, harita ve video gibi özellikleri etkinleştirir.",
  analyticsTitle: "Analiz",
  analyticsDescription: "Ziyaretçilerin siteyi nasıl kullandığını anlamamıza ve siteyi geliştirmemize yardımcı olur.",
  marketingTitle: "Pazarlama",
  marketingDescription:
    "Bizim ve iş ortaklarımızın size ilgili reklamlar göstermesini ve bunların etkisini ölçmesini sağlar.",
  purposes: {
    "google-analytics":
      "Ziyaretçilerin siteyi nasıl kullandığını ölçer: görüntülenen sayfalar, geçirilen süre ve nereden gelindiği.",
    "google-tag-manager": "Sitenin diğer ölçüm ve reklam etiketlerini yükler; kendisi çerez ayarlamaz.",
    "google-ads":
      "Hangi reklamların ziyarete veya satın almaya yol açtığını ölçer ve ziyaretçiye daha sonra Google reklamları gösterir.",
    hotjar:
      "Ziyaretçilerin sayfalarda nasıl kaydırdığını, tıkladığını ve gezindiğini ısı haritaları, kayıtlar ve anketler olarak kaydeder.",
    "facebook-pixel":
      "Facebook ve Instagram reklamlarının ardından gelen ziyaretleri ve satın almaları ölçer, ziyaretçilere reklam hedefler.",
    mixpanel: "Ziyaretçilerin hangi özellikleri kullandığını ve ürün içinde nasıl ilerlediğini sayar.",
    "firebase-analytics":
      "Ziyaretçilerin siteyi ve uygulamayı nasıl kullandığını Google Analytics ile ölçer ve tarayıcıyı Firebase'e kaydeder.",
    appsflyer: "Ziyaretleri, kayıtları ve uygulama yüklemelerini bunları getiren kampanyalarla ilişkilendirir.",
    intercom: "Destek sohbetini çalıştırır ve ziyaretler arasında konuşmayı hatırlar.",
    "google-recaptcha":
      "İnsanları botlardan ayırt ederek formları spam ve otomatik kötüye kullanıma karşı korur.",
    stripe: "Ödemeleri işler ve sahte ödemeleri tespit eder.",
    mailchimp: "Ziyaretleri bülten kampanyalarıyla ilişkilendirir ve abonelik pencereleri gösterir.",
    "salesforce-pardot":
      "Pazarlama e-postaları ve satış takibi için ziyaretleri potansiyel müşteriler ve kişilerle ilişkilendirir.",
    "facebook-messenger":
      "Ziyaretçilerin Facebook hesaplarından siteye yazabilmesi için Messenger sohbet penceresini gösterir.",
    "microsoft-clarity":
      "Ziyaretçilerin sayfalarda nasıl kaydırdığını, tıkladığını ve gezindiğini ısı haritaları ve oturum kayıtları olarak kaydeder.",
    "linkedin-insight":
      "LinkedIn reklamlarından gelen dönüşümleri ölçer ve reklamların gösterileceği kitleler oluşturur.",
    "tiktok-pixel":
      "TikTok reklamlarının ardından gelen ziyaretleri ve satın almaları ölçer, ziyaretçilere reklam hedefler.",
    youtube:
      "Yerleştirilmiş videoları oynatır; Google neyin izlendiğini öğrenir ve bunu reklamlar ve öneriler için kullanır.",
  },
} satisfies Translation;
