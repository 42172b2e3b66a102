package home

import "github.com/radnice/radnice/web/i18n"

var msg = i18n.Catalogue{
	"home-title":       {CS: "Portál občana", EN: "Citizen portal"},
	"home-lead":        {CS: "Vyřiďte si záležitosti s úřadem z domova: co kde vyřídit, úřední deska, kontakty a vše k vaší adrese.", EN: "Deal with the town office from home: what to do where, the official notice board, contacts and everything about your address."},
	"address-heading":  {CS: "Vše k vaší adrese", EN: "Everything about your address"},
	"address-text":     {CS: "Zadejte adresu a zjistíte, kde volíte, kdy se vyváží odpad a které školy jsou spádové.", EN: "Enter an address to learn where you vote, when the bins are collected and which schools are the catchment ones."},
	"address-link":     {CS: "Moje adresa", EN: "My address"},
	"lookups-heading":  {CS: "Rychlé odpovědi", EN: "Quick answers"},
	"lookup-polling":   {CS: "Kde volím", EN: "Where do I vote"},
	"lookup-waste":     {CS: "Svoz odpadu", EN: "Waste collection"},
	"lookup-schools":   {CS: "Spádová škola", EN: "Catchment school"},
	"lookup-find":      {CS: "Najít adresu", EN: "Find an address"},
	"sections-heading": {CS: "Co na portálu najdete", EN: "What the portal offers"},
	"sec-situations":   {CS: "Životní situace: co, kde a jak vyřídit, krok za krokem.", EN: "Life situations: what to do, where and how, step by step."},
	"sec-notices":      {CS: "Úřední deska: vyhlášky, oznámení a záměry města.", EN: "Official notice board: the town's decrees, announcements and intentions."},
	"sec-contacts":     {CS: "Kontakty: odbory, úředníci a úřední hodiny.", EN: "Contacts: departments, officials and office hours."},
	"sec-booking":      {CS: "Objednání: rezervujte si čas na úřadě.", EN: "Appointments: book a time at the office."},
	"latest-notices":   {CS: "Nově na úřední desce", EN: "New on the notice board"},
	"posted":           {CS: "vyvěšeno %s", EN: "posted %s"},
	"all-notices":      {CS: "Celá úřední deska", EN: "The whole notice board"},
	"sec-videos":       {CS: "Videonávody: jak na to, s titulky.", EN: "Video guides: how-tos, with captions."},

	"a11y-title":      {CS: "Prohlášení o přístupnosti", EN: "Accessibility statement"},
	"a11y-intro":      {CS: "%s se zavazuje ke zpřístupnění svých internetových stránek v souladu se zákonem č. 99/2019 Sb., o přístupnosti internetových stránek a mobilních aplikací. Toto prohlášení se vztahuje na portál občana.", EN: "%s is committed to making its websites accessible under Act No. 99/2019 Coll. on the accessibility of websites and mobile applications. This statement applies to the citizen portal."},
	"a11y-status-h":   {CS: "Stav souladu", EN: "Compliance status"},
	"a11y-status":     {CS: "Tyto internetové stránky jsou v souladu se zákonem č. 99/2019 Sb. a s normou EN 301 549 (WCAG 2.1 na úrovni AA).", EN: "This website complies with Act No. 99/2019 Coll. and with EN 301 549 (WCAG 2.1 level AA)."},
	"a11y-method-h":   {CS: "Jak bylo prohlášení vypracováno", EN: "How this statement was prepared"},
	"a11y-method":     {CS: "Prohlášení bylo vypracováno %s na základě vlastního posouzení. Každá verze portálu před zveřejněním prochází automatickou kontrolou všech typů stránek nástrojem axe-core v prohlížeči Chromium (pravidla WCAG 2.1 A a AA, ve světlém i tmavém režimu) a validátorem HTML (Nu Html Checker); ovládání klávesnicí a funkce bez JavaScriptu jsou ověřovány automatickými testy.", EN: "This statement was prepared on %s by self-assessment. Every version of the portal is checked before release: every page type with axe-core in Chromium (WCAG 2.1 A and AA rules, light and dark colour schemes) and the Nu Html Checker; keyboard use and working without JavaScript are verified by automated tests."},
	"a11y-feedback-h": {CS: "Zpětná vazba a kontakty", EN: "Feedback and contact"},
	"a11y-feedback":   {CS: "Narazili jste na nepřístupný obsah nebo potřebujete informace v jiné podobě? Napište nám na %s nebo zavolejte na %s. Odpovíme do 30 dnů.", EN: "Have you found inaccessible content, or do you need information in another form? Write to %s or call %s. We answer within 30 days."},
	"a11y-enforce-h":  {CS: "Vymáhání", EN: "Enforcement"},
	"a11y-enforce":    {CS: "Pokud vaši žádost nevyřídíme uspokojivě, můžete se obrátit na Ministerstvo vnitra, odbor eGovernmentu, které dohlíží na dodržování zákona č. 99/2019 Sb. (podání podle § 175 správního řádu).", EN: "If we do not handle your request satisfactorily, you may turn to the Ministry of the Interior (eGovernment department), which supervises compliance with Act No. 99/2019 Coll. (a complaint under section 175 of the Administrative Procedure Code)."},

	"data-title":   {CS: "Otevřená data", EN: "Open data"},
	"data-intro":   {CS: "Data portálu jsou volně k dispozici ve strojově čitelné podobě, bez registrace.", EN: "The portal's data is freely available in machine-readable form, without registration."},
	"data-notices": {CS: "Úřední deska podle otevřené formální normy (OFN) Úřední desky, JSON-LD", EN: "Official notice board by the Czech open formal norm (OFN) for notice boards, JSON-LD"},
	"data-atom":    {CS: "Úřední deska jako kanál Atom", EN: "Official notice board as an Atom feed"},
	"data-lookup":  {CS: "API vyhledání adres a odpovědí k adrese (JSON, popis v dokumentaci projektu)", EN: "API for address search and lookups (JSON, described in the project's documentation)"},
	"data-areas":   {CS: "Hranice volebních okrsků, svozových oblastí a spádových obvodů (GeoJSON, podle id oblasti)", EN: "Boundaries of polling districts, waste zones and school catchments (GeoJSON, by area id)"},
	"data-licence": {CS: "Data úřední desky a oblastí zveřejňuje %s pod licencí CC BY 4.0; adresy pocházejí z RÚIAN (© ČÚZK, CC BY 4.0).", EN: "%s publishes the notice board and area data under CC BY 4.0; addresses come from RÚIAN (© ČÚZK, CC BY 4.0)."},
}
