package auth

import (
	"context"
	"strings"

	"github.com/radnice/radnice/web/i18n"
)

var msg = i18n.Catalogue{
	"login-title":       {CS: "Přihlášení", EN: "Log in"},
	"login-intro":       {CS: "Po přihlášení můžete podávat formuláře bez návštěvy úřadu a bez podpisu, formuláře se vám předvyplní a v osobním účtu uvidíte svá podání a platby.", EN: "Once logged in, you can file forms without visiting the office or signing anything, forms are filled in for you, and your personal account shows your submissions and payments."},
	"login-nia":         {CS: "Přihlásit se přes Identitu občana", EN: "Log in with the Citizen Identity (NIA)"},
	"login-nia-hint":    {CS: "Elektronickým občanským průkazem, bankovní identitou, mobilní aplikací eGovernment Mobilní klíč nebo jiným prostředkem národní identitní autority.", EN: "With an electronic identity card, a bank identity, the Mobile Key of eGovernment app or another means of the national identity authority."},
	"login-urad":        {CS: "Přihlášení pro zaměstnance úřadu", EN: "Log in as a member of the office's staff"},
	"login-urad-hint":   {CS: "Účtem z adresáře zaměstnanců úřadu.", EN: "With your account in the office's staff directory."},
	"login-none":        {CS: "Přihlášení zatím není na tomto portálu nastaveno.", EN: "Logging in is not set up on this portal yet."},
	"login-failed":      {CS: "Přihlášení se nepodařilo dokončit. Zkuste to prosím znovu.", EN: "The login could not be completed. Please try again."},
	"login-unavailable": {CS: "Přihlašovací služba teď neodpovídá. Zkuste to prosím za chvíli.", EN: "The login service does not answer at the moment. Please try again shortly."},
	"register-title":    {CS: "Založení účtu", EN: "Create your account"},
	"register-intro":    {CS: "Přihlašujete se poprvé. Zkontrolujte údaje a doplňte kontakt, na který vám budeme posílat potvrzení a zprávy z úřadu.", EN: "This is your first login. Check your details and add a contact for confirmations and messages from the office."},
	"verified-heading":  {CS: "Ověřené údaje z identity", EN: "Verified identity details"},
	"verified-note":     {CS: "Tyto údaje pocházejí od poskytovatele identity a při každém přihlášení se obnoví. Zde je změnit nelze.", EN: "These details come from the identity provider and are refreshed at every login. They cannot be changed here."},
	"name":              {CS: "Jméno a příjmení", EN: "Name"},
	"born":              {CS: "Datum narození", EN: "Date of birth"},
	"residence":         {CS: "Adresa trvalého pobytu", EN: "Permanent residence"},
	"loa":               {CS: "Úroveň záruky", EN: "Level of assurance"},
	"contact-heading":   {CS: "Kontaktní údaje", EN: "Contact details"},
	"email":             {CS: "E-mail", EN: "E-mail"},
	"email-hint":        {CS: "Nepovinné. Sem pošleme potvrzení o podání a zprávy z úřadu.", EN: "Optional. Confirmations and messages from the office go here."},
	"email-invalid":     {CS: "Zadejte e-mail ve tvaru jmeno@example.cz", EN: "Enter an e-mail address like name@example.com"},
	"phone":             {CS: "Telefon", EN: "Phone"},
	"phone-hint":        {CS: "Nepovinné. Například 731 123 456 nebo +420 731 123 456.", EN: "Optional. For example 731 123 456 or +420 731 123 456."},
	"phone-invalid":     {CS: "Zadejte telefonní číslo o devíti číslicích, případně s předvolbou, například +420 731 123 456", EN: "Enter a nine-digit phone number, or one with its country code, like +420 731 123 456"},
	"consent":           {CS: "Souhlasím s podmínkami užívání účtu", EN: "I agree to the terms of the account"},
	"consent-hint":      {CS: "Podmínky a informace o zpracování osobních údajů:", EN: "Terms and how your personal data is processed:"},
	"consent-missing":   {CS: "Pro založení účtu je potřeba souhlasit s podmínkami", EN: "To create the account, agree to the terms"},
	"register-button":   {CS: "Založit účet", EN: "Create account"},
	"logged-out-title":  {CS: "Odhlášení", EN: "Logged out"},
	"logged-out-text":   {CS: "Byli jste odhlášeni. Pokud používáte sdílený počítač, zavřete také prohlížeč.", EN: "You are logged out. On a shared computer, close the browser too."},
	"login-again":       {CS: "Přihlásit se znovu", EN: "Log in again"},
	"terms-title":       {CS: "Podmínky užívání účtu", EN: "Terms of the account"},
	"loa-low":           {CS: "nízká", EN: "low"},
	"loa-substantial":   {CS: "značná", EN: "substantial"},
	"loa-high":          {CS: "vysoká", EN: "high"},
	"loa-unknown":       {CS: "neuvedena", EN: "not stated"},
}

// LevelOfAssurance names an eIDAS level of assurance (its URI, or acr) in the language of ctx.
func LevelOfAssurance(ctx context.Context, loa string) string {
	for _, level := range []string{"low", "substantial", "high"} {
		if strings.HasSuffix(strings.ToLower(loa), "/"+level) || strings.EqualFold(loa, level) {
			return msg.T(ctx, "loa-"+level)
		}
	}
	return msg.T(ctx, "loa-unknown")
}
