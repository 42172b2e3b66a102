package account

import (
	"context"
	"strings"

	"github.com/radnice/radnice/web/i18n"
)

// msg holds the account's words in Czech and English.
var msg = i18n.Catalogue{
	"title":         {CS: "Můj účet", EN: "My account"},
	"intro":         {CS: "Váš osobní účet na portálu: vaše údaje, co platí na vaší adrese, vaše podání a platby.", EN: "Your personal account on the portal: your details, what applies at your address, your submissions and payments."},
	"error-title":   {CS: "Chyba: %s", EN: "Error: %s"},
	"back":          {CS: "Zpět na můj účet", EN: "Back to my account"},
	"not-given":     {CS: "neuvedeno", EN: "not given"},
	"changed":       {CS: "Naposledy změněno %s.", EN: "Last changed on %s."},
	"save":          {CS: "Uložit", EN: "Save"},
	"from-eid-note": {CS: "Jméno, příjmení, datum narození a adresu pobytu přebíráme při každém přihlášení z vaší elektronické identity (eID) a tady je změnit nelze. Pokud nejsou správné, je třeba je opravit v základních registrech, odkud je eID přebírá; poradí vám na úřadě.", EN: "Your name, date of birth and address of residence come from your electronic identity (eID) at each login and cannot be changed here. If they are wrong, they have to be corrected in the base registers the eID takes them from; the office will advise you."},

	"details-title":    {CS: "Moje údaje", EN: "My details"},
	"name":             {CS: "Jméno a příjmení", EN: "Name"},
	"born":             {CS: "Datum narození", EN: "Date of birth"},
	"residence":        {CS: "Adresa pobytu", EN: "Address of residence"},
	"loa":              {CS: "Úroveň ověření identity", EN: "Level of assurance of your identity"},
	"loa-low":          {CS: "nízká", EN: "low"},
	"loa-substantial":  {CS: "značná", EN: "substantial"},
	"loa-high":         {CS: "vysoká", EN: "high"},
	"email":            {CS: "E-mail", EN: "E-mail"},
	"phone":            {CS: "Telefon", EN: "Phone"},
	"edit-contact":     {CS: "Změnit e-mail a telefon", EN: "Change e-mail and phone"},
	"address-title":    {CS: "Moje adresa", EN: "My address"},
	"address-none":     {CS: "Vaši adresu zatím neznáme. Když ji vyberete, ukážeme vám tady, kde volíte, kdy se u vás vyváží odpad a které školy jsou pro vás spádové.", EN: "We do not know your address yet. Once you choose it, we will show you here where you vote, when your waste is collected and which schools are your catchment ones."},
	"address-choose":   {CS: "Vybrat adresu", EN: "Choose your address"},
	"address-change":   {CS: "Změnit adresu", EN: "Change your address"},
	"address-gone":     {CS: "Vybraná adresa už v registru adres není. Vyberte prosím svou adresu znovu.", EN: "The address you chose is no longer in the register of addresses. Please choose your address again."},
	"address-from-eid": {CS: "podle vaší elektronické identity", EN: "from your electronic identity"},
	"address-chosen":   {CS: "vybrali jste ji sami", EN: "chosen by you"},
	"data-title":       {CS: "Moje data a účet", EN: "My data and account"},
	"download":         {CS: "Stáhnout moje data", EN: "Download my data"},
	"download-detail":  {CS: "(soubor JSON se vším, co o vás portál vede)", EN: "(a JSON file with everything the portal keeps about you)"},
	"delete-link":      {CS: "Zrušit účet", EN: "Delete my account"},

	"submissions-title": {CS: "Moje podání", EN: "My submissions"},
	"submissions-empty": {CS: "Přes portál jste zatím nic nepodali. Až úřadu pošlete žádost nebo formulář, uvidíte tady, v jakém je stavu.", EN: "You have not submitted anything through the portal yet. Once you send the office an application or a form, you will see here where it stands."},
	"payments-title":    {CS: "Platby a poplatky", EN: "Payments and fees"},
	"payments-empty":    {CS: "Nemáte tu žádné platby ani poplatky. Až budete přes portál platit místní poplatky nebo jiné platby úřadu, uvidíte tady, co je zaplaceno a co vás čeká.", EN: "There are no payments or fees here. Once you pay local fees or other payments to the office through the portal, you will see here what is paid and what is due."},

	"contact-title":   {CS: "E-mail a telefon", EN: "E-mail and phone"},
	"contact-intro":   {CS: "Na tento e-mail a telefon vás může úřad kontaktovat ve věcech, které přes portál vyřizujete. Oba údaje jsou nepovinné.", EN: "The office may contact you at this e-mail and phone about the matters you deal with through the portal. Both are optional."},
	"email-hint":      {CS: "Například jana.novakova@example.cz", EN: "For example jana.novakova@example.cz"},
	"phone-hint":      {CS: "Například 777 123 456, ze zahraničí s předvolbou země, třeba +421 912 345 678", EN: "For example 777 123 456; a number abroad with its country code, e.g. +421 912 345 678"},
	"email-invalid":   {CS: "Zadejte e-mail ve tvaru jmeno@example.cz", EN: "Enter an e-mail address like name@example.cz"},
	"phone-invalid":   {CS: "Zadejte telefonní číslo, například 777 123 456, nebo číslo ze zahraničí s předvolbou země, například +421 912 345 678", EN: "Enter a phone number, for example 777 123 456, or a number abroad with its country code, for example +421 912 345 678"},
	"summary-problem": {CS: "Údaje se nepodařilo uložit", EN: "The details could not be saved"},

	"choose-title":  {CS: "Výběr adresy", EN: "Choose your address"},
	"choose-intro":  {CS: "Ke své adrese uvidíte na stránce Můj účet, kde volíte, kdy se vyváží odpad a které školy jsou spádové. Adresa zůstává jen ve vašem účtu.", EN: "For your address, your account page shows where you vote, when the waste is collected and which schools are the catchment ones. The address stays in your account only."},
	"current":       {CS: "Nyní máte vybranou adresu", EN: "Your address now is"},
	"current-none":  {CS: "Adresu zatím vybranou nemáte.", EN: "You have not chosen an address yet."},
	"eid-offer":     {CS: "Vaše elektronická identita uvádí adresu %s.", EN: "Your electronic identity gives the address %s."},
	"eid-return":    {CS: "Použít adresu z elektronické identity", EN: "Use the address from my electronic identity"},
	"search-label":  {CS: "Najděte svou adresu", EN: "Find your address"},
	"search-hint":   {CS: "Ulice a číslo domu, část obce a číslo popisné, nebo PSČ. Například Štefánikova 12 nebo Lubina 25.", EN: "Street and house number, part of town and building number, or postcode. For example Štefánikova 12 or Lubina 25."},
	"search-button": {CS: "Najít adresu", EN: "Find the address"},
	"pick-label":    {CS: "Vyberte svou adresu", EN: "Choose your address"},
	"pick-missing":  {CS: "Vyberte svou adresu ze seznamu", EN: "Choose your address from the list"},
	"pick-button":   {CS: "Uložit jako moji adresu", EN: "Save as my address"},
	"pick-problem":  {CS: "Adresu se nepodařilo uložit", EN: "The address could not be saved"},

	"delete-title":    {CS: "Zrušení účtu", EN: "Deleting your account"},
	"delete-removed":  {CS: "Když účet zrušíte, smažeme z portálu:", EN: "When you delete your account, we remove from the portal:"},
	"removed-account": {CS: "váš účet s údaji z elektronické identity (jméno, datum narození, adresa pobytu),", EN: "your account with the details from your electronic identity (name, date of birth, address of residence),"},
	"removed-contact": {CS: "kontaktní e-mail a telefon a vybranou adresu,", EN: "your contact e-mail and phone and your chosen address,"},
	"removed-links":   {CS: "propojení účtu s vaší elektronickou identitou a oprávnění, která jste na portálu měli,", EN: "the link between the account and your electronic identity, and any roles you held on the portal,"},
	"removed-session": {CS: "vaše přihlášení: odhlásíme vás.", EN: "your login: we log you out."},
	"delete-kept":     {CS: "Úřad si podle zákona ponechá:", EN: "By law, the office keeps:"},
	"kept-filed":      {CS: "podání, žádosti a záznamy o platbách, které jste přes portál úřadu poslali: staly se součástí jeho spisové služby a úřad je uchovává po dobu, kterou stanoví zákon č. 499/2004 Sb., o archivnictví a spisové službě, a jeho spisový a skartační plán,", EN: "the submissions, applications and payment records you sent the office through the portal: they became part of its records, and the office keeps them for as long as Act No. 499/2004 Coll., on archives and records management, and its retention schedule require,"},
	"kept-audit":      {CS: "záznamy o úkonech, které jste na portálu provedli jako pracovník úřadu (auditní záznamy).", EN: "the records of what you did on the portal as a member of the office's staff (the audit log)."},
	"delete-again":    {CS: "Účet si můžete později založit znovu, když se přihlásíte přes elektronickou identitu.", EN: "You can create an account again later by logging in with your electronic identity."},
	"delete-download": {CS: "Než účet zrušíte, můžete si stáhnout svá data.", EN: "Before you delete your account, you can download your data."},
	"confirm":         {CS: "Rozumím, že zrušení účtu nelze vrátit zpět", EN: "I understand that deleting my account cannot be undone"},
	"confirm-missing": {CS: "Potvrďte, že rozumíte, že zrušení účtu nelze vrátit zpět", EN: "Confirm that you understand that deleting your account cannot be undone"},
	"delete-button":   {CS: "Zrušit účet", EN: "Delete my account"},
	"delete-problem":  {CS: "Účet se nepodařilo zrušit", EN: "The account could not be deleted"},

	"deleted-title": {CS: "Účet byl zrušen", EN: "Your account has been deleted"},
	"deleted-text":  {CS: "Váš účet na portálu jsme zrušili a odhlásili jsme vás. Podání a platby, které jste úřadu poslali, zůstávají v jeho spisech.", EN: "We have deleted your account on the portal and logged you out. The submissions and payments you sent the office remain in its records."},
	"deleted-eid":   {CS: "U Identity občana (eID) jste možná stále přihlášeni: na sdíleném počítači se odhlaste i tam.", EN: "You may still be logged in at the citizen identity service (eID): on a shared computer, log out there too."},
	"deleted-home":  {CS: "Pokračovat na úvodní stránku", EN: "Go to the home page"},
}

// levelOfAssurance says an eIDAS level of assurance in words ("značná"), from its URI
// ("http://eidas.europa.eu/LoA/substantial") or bare name; another value is shown as it is.
func levelOfAssurance(ctx context.Context, loa string) string {
	if loa == "" {
		return msg.T(ctx, "not-given")
	}
	name := strings.ToLower(loa[strings.LastIndexByte(loa, '/')+1:])
	if _, known := msg["loa-"+name]; known {
		return msg.T(ctx, "loa-"+name)
	}
	return loa
}

// orNotGiven is s, or "neuvedeno" when it is empty.
func orNotGiven(ctx context.Context, s string) string {
	if s == "" {
		return msg.T(ctx, "not-given")
	}
	return s
}
