// Package wasteschedule reads a town's waste collection schedules (harmonogram svozu odpadu)
// from a file its clerk keeps in a text editor or a spreadsheet, into geo.WasteSchedule values.
//
// # The file
//
// A UTF-8 text file (a byte-order mark is allowed; a spreadsheet saves it as "CSV UTF-8"),
// fields separated by ';', double quotes around a field that itself holds ';' or '"' (written
// "") as spreadsheets do. Lines starting with '#' are comments; blank lines and lines of empty
// fields only are ignored. The first other line is the header, naming the columns in any order
// (case, accents, spaces and '_' do not matter: "Každých týdnů" is kazdych_tydnu):
//
//	typ;zona;odpad;datum;den;kazdych_tydnu;tydny;sezona_od;sezona_do;svatky;plati_od;plati_do;poznamka
//
// All columns but poznamka are required. A line may stop early: missing fields at its end are
// empty; empty fields past the last column are ignored. Each further line is a rule or an
// exception, as its typ says:
//
//	pravidlo  the regular collection of one waste type in one zone
//	navic     an extra collection on the date in datum
//	zruseno   a collection that does not take place on the date in datum
//
// # Columns
//
//	typ            pravidlo, navic or zruseno (navíc, zrušeno)
//	zona           the collection zone, as the town names it: "A", "Sever", "Lubina"
//	odpad          the waste type, as the town names it: "směsný", "plast", "papír", "sklo", "bio"
//	datum          navic, zruseno: the date of the collection added or cancelled;
//	               pravidlo every 2 to 8 weeks without tydny: one date the rule collects on,
//	               which fixes its weeks (the weeks before it count too); otherwise empty
//	den            the weekday: pondělí, úterý, středa, čtvrtek, pátek, sobota, neděle or
//	               po, út, st, čt, pá, so, ne (with or without accents, any case)
//	kazdych_tydnu  1 every week, 2 every second week, up to 8
//	tydny          lichý or sudý: odd or even ISO week numbers, with kazdych_tydnu 2 only;
//	               empty otherwise
//	sezona_od      the first day of the season, as day and month: 1.4. (or 1. 4.)
//	sezona_do      the last day of the season, 30.11.; both or neither (all year). A season
//	               may wrap the year end: 1.11. to 31.3.
//	svatky         what happens to a collection on a public holiday: posunout (moved to the
//	               next working day), ponechat (collected on the holiday) or zrušit (not made)
//	plati_od       the first day the rule applies; empty: no start
//	plati_do       the last day the rule applies (included); empty: no end
//	poznamka       a note for the clerk, ignored
//
// Dates are written 5. 1. 2026, 5.1.2026, 05.01.2026 or 2026-01-05, years 2000 to 2099.
// Zone and waste names are kept as written; two spellings of one name ("papír", "Papir") in
// one file are an error, as they are most likely a typo. On navic and zruseno lines only typ,
// zona, odpad, datum and poznamka may be filled in.
//
// # Meaning
//
// A rule collects on den every kazdych_tydnu weeks, from plati_od to plati_do, in the season.
// Odd weeks follow the ISO week numbers printed on Czech calendars: a year with ISO week 53
// (2026, 2032) is followed by week 1, and both odd weeks collect. A rule fixed by datum keeps
// its rhythm across the year end instead. A regular collection on a public holiday is moved,
// kept or dropped by svatky (see geo.Holiday); a collection moved from Easter Monday
// 6. 4. 2026 is made on Tuesday 7. 4. 2026. The same zone and waste type may have several
// rules: twice a week, a summer and a winter season, or a new rule from a date (end the old
// one with plati_do the day before).
//
// An exception names a zone, a waste type and a date. zruseno removes a collection the rules
// of that zone and waste type make on that date, after holidays are applied: to cancel the
// collection moved to 7. 4. 2026 cancel 7. 4. 2026. navic adds a collection on exactly that
// date (never moved), which must be a day those rules do not already collect on, within the
// validity of one of them.
//
// # Errors
//
// The file is refused as a whole when anything in it is wrong, so an import replaces a town's
// schedules all at once or not at all. Parse reports every problem it finds, up to MaxErrors,
// each as "file:line: column: reason".
//
// # Example
//
//	# Harmonogram svozu 2026, zóna A
//	typ;zona;odpad;datum;den;kazdych_tydnu;tydny;sezona_od;sezona_do;svatky;plati_od;plati_do;poznamka
//	pravidlo;A;směsný;;pondělí;1;;;;posunout;1. 1. 2026;31. 12. 2026;
//	pravidlo;A;plast;;čtvrtek;2;lichý;;;posunout;1. 1. 2026;31. 12. 2026;
//	pravidlo;A;papír;8. 1. 2026;čt;4;;;;posunout;1. 1. 2026;31. 12. 2026;
//	pravidlo;A;bio;;st;1;;1.4.;30.11.;ponechat;1. 1. 2026;31. 12. 2026;
//	zruseno;A;směsný;28. 12. 2026
//	navic;A;směsný;30. 12. 2026;;;;;;;;;místo 28. 12.
package wasteschedule
