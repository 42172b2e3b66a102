package layout

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"

	"github.com/a-h/templ"

	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/web/i18n"
)

// searchMsg holds the words of the address search form, shared by the address and lookup pages.
var searchMsg = i18n.Catalogue{
	"empty":              {CS: "Zadejte adresu, kterou hledáte.", EN: "Enter the address you are looking for."},
	"invalid":            {CS: "Zadejte název ulice nebo části obce, číslo domu nebo PSČ.", EN: "Enter the name of a street or part of town, a house number or a postcode."},
	"error-title":        {CS: "Chyba: %s", EN: "Error: %s"},
	"error-prefix":       {CS: "Chyba:", EN: "Error:"},
	"summary-title":      {CS: "Hledání se nepodařilo", EN: "The search did not work"},
	"results":            {CS: "Výsledky", EN: "Results"},
	"no-results":         {CS: "Adresu jsme nenašli. Zkontrolujte číslo domu nebo zkuste zadat jen název ulice či části obce.", EN: "We did not find the address. Check the house number, or enter just the name of the street or part of town."},
	"retired":            {CS: "Tato adresa byla v registru RÚIAN zrušena.", EN: "This address has been withdrawn from the RÚIAN register."},
	"script-listbox":     {CS: "Návrhy adres", EN: "Address suggestions"},
	"script-none":        {CS: "Žádná adresa nenalezena.", EN: "No address found."},
	"script-found-one":   {CS: "Nalezena {n} adresa.", EN: "{n} address found."},
	"script-found-few":   {CS: "Nalezeny {n} adresy.", EN: "{n} addresses found."},
	"script-found-other": {CS: "Nalezeno {n} adres.", EN: "{n} addresses found."},
	"script-choose":      {CS: "Vyberte šipkami.", EN: "Choose with the arrow keys."},
	"script-failed":      {CS: "Návrhy adres se nepodařilo načíst. Hledat můžete tlačítkem %s.", EN: "Address suggestions could not be loaded. You can search with the %s button."},
}

// SearchMessage is what the address search form says about a query it could not search, ""
// when the search ran (err is then the search's own outcome, for the caller to handle).
func SearchMessage(ctx context.Context, query string, err error) string {
	switch {
	case strings.TrimSpace(query) == "":
		return searchMsg.T(ctx, "empty")
	case geo.ErrorCode(err) == geo.EINVALID:
		return searchMsg.T(ctx, "invalid")
	}
	return ""
}

// SearchTitle is the title of a page with the address search form: marked as an error when
// the form reports a problem, so that the browser's tab and a screen reader say so first.
func SearchTitle(ctx context.Context, title, problem string) string {
	if problem != "" {
		return searchMsg.T(ctx, "error-title", title)
	}
	return title
}

// RenderSearchPage writes a page with the address search form, never cached (it shows what was
// searched); 422 when the form reports a problem.
func RenderSearchPage(w http.ResponseWriter, r *http.Request, problem string, c templ.Component) {
	w.Header().Set("Cache-Control", "no-store")
	status := http.StatusOK
	if problem != "" {
		status = http.StatusUnprocessableEntity
	}
	RenderStatus(w, r, status, c)
}

// searchScriptTexts are the autocomplete's words in the page's language, as JSON for its
// data-address-search-texts: address-search.js puts the count for {n} and picks the plural
// form by Intl.PluralRules of the page's language ("one", "few", "other").
func searchScriptTexts(ctx context.Context, button string) string {
	texts := map[string]string{"failed": searchMsg.T(ctx, "script-failed", button)}
	for _, key := range []string{"listbox", "none", "found-one", "found-few", "found-other", "choose"} {
		texts[key] = searchMsg.T(ctx, "script-"+key)
	}
	b, err := json.Marshal(texts)
	if err != nil {
		panic(err) // strings always encode
	}
	return string(b)
}
