package layout

import "github.com/radnice/radnice/web/i18n"

// navItem is an entry of the main navigation: a Czech path and its catalogue key.
type navItem struct{ Path, Key string }

// navigation is the main navigation, in order. Payments and grants join it with their
// features.
var navigation = []navItem{
	{"/zivotni-situace", "nav-situations"},
	{"/formulare", "nav-forms"},
	{"/uredni-deska", "nav-notices"},
	{"/kontakty", "nav-contacts"},
	{"/objednani", "nav-booking"},
	{"/videonavody", "nav-videos"},
	{"/moje-adresa", "nav-address"},
}

var msg = i18n.Catalogue{
	// %[1]s is the Czech, %[2]s the English form of a town's or office's name.
	"town-title":      {CS: "%[1]s", EN: "%[2]s"},
	"office-name":     {CS: "%[1]s", EN: "%[2]s"},
	"portal":          {CS: "portál občana", EN: "citizen portal"},
	"skip":            {CS: "Přeskočit na obsah", EN: "Skip to content"},
	"main-nav":        {CS: "Hlavní navigace", EN: "Main navigation"},
	"nav-situations":  {CS: "Životní situace", EN: "Life situations"},
	"nav-forms":       {CS: "Formuláře", EN: "Forms"},
	"nav-notices":     {CS: "Úřední deska", EN: "Official notice board"},
	"nav-contacts":    {CS: "Kontakty", EN: "Contacts"},
	"nav-booking":     {CS: "Objednání", EN: "Appointments"},
	"nav-videos":      {CS: "Videonávody", EN: "Video guides"},
	"nav-address":     {CS: "Moje adresa", EN: "My address"},
	"search-label":    {CS: "Hledat na portálu", EN: "Search the portal"},
	"search-button":   {CS: "Hledat", EN: "Search"},
	"other-language":  {CS: "English", EN: "Česky"},
	"breadcrumbs":     {CS: "Drobečková navigace", EN: "Breadcrumbs"},
	"home":            {CS: "Úvod", EN: "Home"},
	"footer-office":   {CS: "Kontakt na úřad", EN: "Contact the office"},
	"footer-ico":      {CS: "IČO", EN: "Company ID (IČO)"},
	"footer-databox":  {CS: "Datová schránka", EN: "Data box"},
	"footer-hours":    {CS: "Úřední hodiny", EN: "Office hours"},
	"footer-about":    {CS: "O portálu", EN: "About the portal"},
	"accessibility":   {CS: "Prohlášení o přístupnosti", EN: "Accessibility statement"},
	"open-data":       {CS: "Otevřená data", EN: "Open data"},
	"for-websites":    {CS: "Vložte vyhledávání na svůj web", EN: "Put the lookups on your website"},
	"ruian":           {CS: "Adresy z Registru územní identifikace, adres a nemovitostí (RÚIAN), © ČÚZK, CC BY 4.0.", EN: "Addresses from the Czech register of addresses (RÚIAN), © ČÚZK, CC BY 4.0."},
	"not-found-title": {CS: "Stránka nenalezena", EN: "Page not found"},
	"not-found-text":  {CS: "Stránku, kterou hledáte, jsme nenašli. Zkontrolujte adresu nebo pokračujte na", EN: "We could not find the page you are looking for. Check the address or go to the"},
	"not-found-home":  {CS: "úvodní stránku", EN: "home page"},
	"error-title":     {CS: "Chyba serveru", EN: "Server error"},
	"error-heading":   {CS: "Omlouváme se, něco se pokazilo", EN: "Sorry, something went wrong"},
	"error-text":      {CS: "Požadavek se nepodařilo vyřídit. Zkuste to prosím za chvíli znovu.", EN: "We could not handle the request. Please try again in a moment."},
	"log-in":          {CS: "Přihlásit se", EN: "Log in"},
	"my-account":      {CS: "Můj účet", EN: "My account"},
	"staff":           {CS: "Správa", EN: "Administration"},
	"log-out":         {CS: "Odhlásit se", EN: "Log out"},
	"form-errors":     {CS: "Formulář obsahuje chyby", EN: "There is a problem"},
	"forbidden-title": {CS: "Přístup odepřen", EN: "Access denied"},
	"forbidden-text":  {CS: "K této stránce nemáte oprávnění. Pokud je potřebujete, obraťte se na správce portálu.", EN: "You are not allowed to see this page. Ask the portal administrator if you need access."},
}

// T is the layout's message key in the language of the page; features use it for the shared
// words of the frame.
var T = msg.T
