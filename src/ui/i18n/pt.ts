import type { Translation } from "./en";

// Brazilian usage, which most Portuguese-speaking visitors read; "pt-PT" maps here too.
export default {
  bannerTitle: "Este site usa cookies",
  bannerText:
    "Além dos cookies necessários para o funcionamento do site, gostaríamos de usar cookies e tecnologias semelhantes para: {purposes}. Nada opcional é ativado antes da sua escolha, e você pode mudar de ideia a qualquer momento.",
  bannerTextOptOut:
    "Nós e nossos parceiros usamos cookies e tecnologias semelhantes para: {purposes}. Parte desse uso pode ser considerada venda ou compartilhamento das suas informações pessoais, e você pode se opor a qualquer momento.",
  policyLink: "Política de privacidade",
  acceptAll: "Aceitar todos",
  rejectAll: "Rejeitar todos",
  manageChoices: "Gerenciar escolhas",
  doNotSell: "Não vender nem compartilhar minhas informações pessoais",
  signalHonoured: "O sinal de privacidade do seu navegador foi respeitado.",
  preferencesTitle: "Preferências de privacidade",
  preferencesText:
    "Escolha quais cookies e tecnologias semelhantes este site pode usar. Os estritamente necessários estão sempre ativos, porque o site não funciona sem eles.",
  saveChoices: "Salvar escolhas",
  close: "Fechar",
  alwaysOn: "Sempre ativos",
  servicesAndCookies: "Serviços e cookies ({count})",
  provider: "Fornecedor: {provider}",
  servicePolicy: "Política de privacidade",
  cookieName: "Cookie",
  cookieDuration: "Duração",
  setBy: "definido por {provider}",
  session: "Sessão",
  embedText:
    "Este conteúdo de {service} fica oculto até que você o permita, porque ao carregá-lo {service} pode definir cookies e saber que você visitou esta página.",
  allowService: "Permitir {service}",
  onlyThisTime: "Só desta vez",
  embedPolicy: "Política de privacidade de {service}",
  reopen: "Opções de privacidade",
  optOutHonoured: "Pedido de exclusão atendido",
  necessaryTitle: "Estritamente necessários",
  necessaryDescription:
    "Necessários para o funcionamento do site e para lembrar suas escolhas. Não podem ser desativados.",
  functionalTitle: "Funcionais",
  functionalDescription: "Lembram suas configurações e ativam recursos como chat, mapas e vídeos.",
  analyticsTitle: "Análise",
  analyticsDescription: "Ajudam a entender como os visitantes usam o site, para que possamos melhorá-lo.",
  marketingTitle: "Marketing",
  marketingDescription:
    "Permitem que nós e nossos parceiros mostremos anúncios relevantes e avaliemos a sua eficácia.",
  purposes: {
    "google-analytics": "Mede como os visitantes usam o site: páginas vistas, tempo de permanência e de onde vieram.",
    "google-tag-manager": "Carrega as demais tags de medição e publicidade do site; não define cookies próprios.",
    "google-ads":
      "Mede quais anúncios levaram a uma visita ou compra e depois mostra anúncios do Google ao visitante.",
    hotjar:
      "Registra como os visitantes rolam, clicam e se movem pelas páginas, na forma de mapas de calor, gravações e pesquisas.",
    "facebook-pixel":
      "Mede visitas e compras que acontecem depois de anúncios no Facebook e no Instagram, e direciona anúncios aos visitantes.",
    mixpanel: "Conta quais recursos os visitantes usam e como eles percorrem o produto.",
    "firebase-analytics":
      "Mede pelo Google Analytics como os visitantes usam o site e o app, e registra o navegador no Firebase.",
    appsflyer: "Atribui visitas, cadastros e instalações de apps às campanhas que os geraram.",
    intercom: "Opera o chat de suporte e lembra a conversa entre uma visita e outra.",
    "google-recaptcha": "Protege formulários contra spam e abuso automatizado, distinguindo pessoas de robôs.",
    stripe: "Processa pagamentos e detecta os fraudulentos.",
    mailchimp: "Relaciona visitas a campanhas de newsletter e mostra pop-ups de inscrição.",
    "salesforce-pardot":
      "Vincula visitas a leads e contatos para e-mails de marketing e acompanhamento de vendas.",
    "facebook-messenger":
      "Mostra a janela de chat do Messenger para que os visitantes possam escrever ao site pela conta do Facebook.",
    "microsoft-clarity":
      "Registra como os visitantes rolam, clicam e se movem pelas páginas, na forma de mapas de calor e gravações de sessão.",
    "linkedin-insight": "Mede conversões de anúncios do LinkedIn e cria públicos para exibi-los.",
    "tiktok-pixel":
      "Mede visitas e compras que acontecem depois de anúncios do TikTok, e direciona anúncios aos visitantes.",
    youtube:
      "Reproduz vídeos incorporados; o Google fica sabendo o que é assistido e usa isso para anúncios e recomendações.",
  },
} satisfies Translation;
