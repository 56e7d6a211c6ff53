import type { Translation } from "./en";

export default {
  bannerTitle: "Este sitio utiliza cookies",
  bannerText:
    "Además de las cookies necesarias para que el sitio funcione, nos gustaría usar cookies y tecnologías similares para: {purposes}. No se activa nada opcional hasta que usted elija, y puede cambiar de opinión en cualquier momento.",
  bannerTextOptOut:
    "Nosotros y nuestros socios usamos cookies y tecnologías similares para: {purposes}. Parte de este uso puede considerarse venta o intercambio de su información personal, y puede oponerse en cualquier momento.",
  policyLink: "Política de privacidad",
  acceptAll: "Aceptar todo",
  rejectAll: "Rechazar todo",
  manageChoices: "Gestionar opciones",
  doNotSell: "No vender ni compartir mi información personal",
  signalHonoured: "Se ha respetado la señal de privacidad de su navegador.",
  preferencesTitle: "Preferencias de privacidad",
  preferencesText:
    "Elija qué cookies y tecnologías similares puede usar este sitio. Las estrictamente necesarias están siempre activas porque el sitio no puede funcionar sin ellas.",
  saveChoices: "Guardar opciones",
  close: "Cerrar",
  alwaysOn: "Siempre activas",
  servicesAndCookies: "Servicios y cookies ({count})",
  provider: "Proveedor: {provider}",
  servicePolicy: "Política de privacidad",
  cookieName: "Cookie",
  cookieDuration: "Duración",
  setBy: "instalada por {provider}",
  session: "Sesión",
  embedText:
    "Este contenido de {service} permanece oculto hasta que lo permita, porque al cargarlo {service} puede instalar cookies y saber que ha visitado esta página.",
  allowService: "Permitir {service}",
  onlyThisTime: "Solo esta vez",
  embedPolicy: "Política de privacidad de {service}",
  reopen: "Opciones de privacidad",
  optOutHonoured: "Solicitud de exclusión respetada",
  necessaryTitle: "Estrictamente necesarias",
  necessaryDescription:
    "Imprescindibles para que el sitio funcione y para recordar sus opciones. No se pueden desactivar.",
  functionalTitle: "Funcionales",
  functionalDescription: "Recuerdan sus ajustes y activan funciones como el chat, los mapas y los vídeos.",
  analyticsTitle: "Analíticas",
  analyticsDescription: "Nos ayudan a entender cómo se usa el sitio para poder mejorarlo.",
  marketingTitle: "Marketing",
  marketingDescription:
    "Permiten que nosotros y nuestros socios le mostremos anuncios relevantes y midamos su eficacia.",
  purposes: {
    "google-analytics":
      "Mide cómo usan el sitio los visitantes: páginas vistas, tiempo de permanencia y de dónde vienen.",
    "google-tag-manager": "Carga las demás etiquetas de medición y publicidad del sitio; no instala cookies propias.",
    "google-ads":
      "Mide qué anuncios llevaron a una visita o a una compra y después muestra anuncios de Google al visitante.",
    hotjar:
      "Registra cómo los visitantes se desplazan, hacen clic y se mueven por las páginas, en forma de mapas de calor, grabaciones y encuestas.",
    "facebook-pixel":
      "Mide las visitas y compras que siguen a los anuncios de Facebook e Instagram, y dirige anuncios a los visitantes.",
    mixpanel: "Cuenta qué funciones usan los visitantes y cómo recorren el producto.",
    "firebase-analytics":
      "Mide con Google Analytics cómo usan los visitantes el sitio y la aplicación, y registra el navegador en Firebase.",
    appsflyer: "Atribuye visitas, registros e instalaciones de aplicaciones a las campañas que los generaron.",
    intercom: "Gestiona el chat de asistencia y recuerda la conversación entre visitas.",
    "google-recaptcha":
      "Protege los formularios del spam y del abuso automatizado distinguiendo a las personas de los bots.",
    stripe: "Procesa los pagos y detecta los fraudulentos.",
    mailchimp: "Relaciona las visitas con las campañas de boletines y muestra ventanas emergentes de suscripción.",
    "salesforce-pardot":
      "Vincula las visitas con clientes potenciales y contactos para correos de marketing y seguimiento comercial.",
    "facebook-messenger":
      "Muestra la ventana de chat de Messenger para que los visitantes puedan escribir al sitio desde su cuenta de Facebook.",
    "microsoft-clarity":
      "Registra cómo los visitantes se desplazan, hacen clic y se mueven por las páginas, en forma de mapas de calor y grabaciones de sesión.",
    "linkedin-insight": "Mide las conversiones de los anuncios de LinkedIn y crea audiencias a las que mostrarlos.",
    "tiktok-pixel":
      "Mide las visitas y compras que siguen a los anuncios de TikTok, y dirige anuncios a los visitantes.",
    youtube:
      "Reproduce vídeos insertados; Google sabe qué se ve y lo usa para publicidad y recomendaciones.",
  },
} satisfies Translation;
