package demotown

import (
	"math/rand/v2"
	"strings"
)

// commonStreets are street names found in many municipalities, the most
// frequent first so that a skewed draw repeats them as often as reality does.
var commonStreets = []string{
	"Nádražní", "Školní", "Zahradní", "Polní", "Krátká", "Komenského", "Masarykova", "Husova",
	"Palackého", "Tyršova", "Družstevní", "Sokolovská", "Lesní", "Luční", "Nová", "Jiráskova",
	"Smetanova", "Sadová", "Havlíčkova", "Nerudova", "Revoluční", "Štefánikova", "Masarykovo náměstí",
	"Náměstí Míru", "Hřbitovní", "Lipová", "Dlouhá", "Na Výsluní", "Příčná", "Žižkova", "Dvořákova",
	"Bezručova", "Máchova", "Čapkova", "Wolkerova", "Pražská", "Brněnská", "Mlýnská", "Zámecká",
	"Kostelní", "Farní", "Horní", "Dolní", "Severní", "Jižní", "Západní", "Východní", "Slunečná",
	"Větrná", "Sportovní", "Tovární", "Průmyslová", "Okružní", "Spojovací", "Úzká", "Obchodní",
	"Nábřežní", "Potoční", "Říční", "Březová", "Dubová", "Javorová", "Jabloňová", "Třešňová",
	"Ořechová", "Kaštanová", "Akátová", "Topolová", "Vrbová", "Růžová", "Zelená", "Erbenova",
	"Tylova", "Hálkova", "Vrchlického", "Mánesova", "Alšova", "Fügnerova", "Purkyňova", "Riegrova",
	"Jungmannova", "Dobrovského", "Kollárova", "Šafaříkova", "Resslova", "Křižíkova", "Fibichova",
	"Janáčkova", "Sukova", "Myslbekova", "Legionářská", "Vítězná", "Mírová", "Svobody", "5. května",
	"9. května", "28. října", "17. listopadu", "Čs. armády", "Náměstí Republiky", "Na Vyhlídce",
	"Na Stráni", "Na Kopečku", "Na Pískách", "Na Hrázi", "Na Vršku", "U Potoka", "U Školy",
	"U Hřiště", "U Kostela", "U Mlýna", "U Rybníka", "U Lípy", "U Nádraží", "U Pily", "U Kapličky",
	"K Lesu", "K Rybníku", "K Mlýnu", "Pod Lesem", "Pod Kopcem", "Pod Hájem", "Pod Vinicí",
	"Nad Potokem", "Nad Rybníkem", "V Zahradách", "V Polích", "V Úvoze", "Za Humny", "Za Školou",
	"Za Kostelem", "Za Mlýnem", "Záhumenní", "Obecní",
}

// Syllables for invented place names: an opening syllable, a consonant
// bridge and a vowel-initial ending give names like Bělovice or Kředec.
var (
	nameHeads = []string{
		"Be", "Bě", "Bo", "Bra", "Bu", "Ča", "Če", "Do", "Dra", "Hla", "Ho", "Hra", "Ja", "Ka",
		"Kle", "Ko", "Kra", "Kře", "La", "Le", "Li", "Lo", "Lu", "Ma", "Mě", "Mo", "Na", "Ne",
		"No", "Pa", "Pe", "Pla", "Po", "Pra", "Pře", "Ra", "Ro", "Ru", "Ře", "Sa", "Se", "Sla",
		"So", "Sta", "Stra", "Su", "Ša", "Še", "Ta", "Te", "To", "Tře", "Va", "Ve", "Vla", "Vo",
		"Vra", "Vy", "Za", "Ze", "Zla", "Žá", "Že", "Ži",
	}
	nameLinks = []string{
		"b", "ch", "d", "dl", "h", "hl", "k", "kr", "l", "m", "n", "r", "s", "sl", "st", "š",
		"t", "tr", "v", "z", "zd", "ž", "č", "ř", "ň",
	}
	nameVowels   = []string{"a", "e", "i", "o", "u", "í", "á", "ě"}
	placeEndings = []string{"ice", "ovice", "ovice", "any", "ín", "ov", "ov", "ec", "ovec", "ava", "ina", "any"}
	streetEnds   = []string{"ská", "ova", "ecká", "ovská", "ská"}
	placeLeads   = []string{"Horní ", "Dolní ", "Zadní ", "Přední "}
	rivers       = []string{
		"Sázavou", "Vltavou", "Labem", "Orlicí", "Odrou", "Ostravicí", "Jizerou", "Moravou",
		"Lubinou", "Svitavou", "Oslavou", "Metují", "Ploučnicí", "Bečvou", "Otavou",
	}
)

// stem invents the core of a name; a third syllable now and then keeps names varied.
func stem(rng *rand.Rand, b *strings.Builder) {
	b.WriteString(pick(rng, nameHeads))
	b.WriteString(pick(rng, nameLinks))
	if rng.IntN(4) == 0 {
		b.WriteString(pick(rng, nameVowels))
		b.WriteString(pick(rng, nameLinks))
	}
}

// placeName invents a municipality or town part name such as "Horní Bělovice".
func placeName(rng *rand.Rand) string {
	var b strings.Builder
	if rng.IntN(8) == 0 {
		b.WriteString(pick(rng, placeLeads))
	}
	stem(rng, &b)
	b.WriteString(pick(rng, placeEndings))
	if rng.IntN(12) == 0 {
		b.WriteString(" nad ")
		b.WriteString(pick(rng, rivers))
	}
	return b.String()
}

// streetName invents an adjectival street name such as "Kředecká".
func streetName(rng *rand.Rand) string {
	var b strings.Builder
	stem(rng, &b)
	b.WriteString(pick(rng, streetEnds))
	return b.String()
}

// pick returns a uniformly chosen element.
func pick(rng *rand.Rand, s []string) string {
	return s[rng.IntN(len(s))]
}

// pragueDistricts are Prague's městské části with their správní obvod and
// PSČ, and the town parts each is drawn with; weight sizes their share of rows.
var pragueDistricts = []struct {
	momc   string
	obvod  int // index into pragueObvody
	psc    int
	weight int
	parts  []string
}{
	{"Praha 1", 0, 11000, 8, []string{"Staré Město", "Nové Město", "Malá Strana", "Hradčany", "Josefov"}},
	{"Praha 2", 1, 12000, 6, []string{"Vinohrady", "Vyšehrad"}},
	{"Praha 3", 2, 13000, 7, []string{"Žižkov"}},
	{"Praha 4", 3, 14000, 14, []string{"Nusle", "Michle", "Podolí", "Braník", "Krč", "Lhotka", "Hodkovičky"}},
	{"Praha 5", 4, 15000, 10, []string{"Smíchov", "Košíře", "Motol", "Hlubočepy", "Radlice", "Jinonice"}},
	{"Praha 6", 5, 16000, 12, []string{"Dejvice", "Bubeneč", "Břevnov", "Střešovice", "Veleslavín", "Vokovice", "Ruzyně", "Liboc"}},
	{"Praha 7", 6, 17000, 4, []string{"Holešovice", "Troja"}},
	{"Praha 8", 7, 18000, 11, []string{"Karlín", "Libeň", "Kobylisy", "Bohnice", "Čimice", "Střížkov"}},
	{"Praha 9", 8, 19000, 6, []string{"Vysočany", "Prosek", "Hloubětín"}},
	{"Praha 10", 9, 10000, 10, []string{"Vršovice", "Strašnice", "Záběhlice", "Malešice"}},
	{"Praha 11", 3, 14900, 5, []string{"Chodov", "Háje"}},
	{"Praha 12", 3, 14300, 7, []string{"Modřany", "Kamýk", "Cholupice", "Točná"}},
	{"Praha 13", 4, 15500, 6, []string{"Stodůlky"}},
	{"Praha 14", 8, 19800, 4, []string{"Černý Most", "Kyje", "Hostavice"}},
	{"Praha 15", 9, 10900, 4, []string{"Hostivař", "Horní Měcholupy"}},
	{"Praha 16", 4, 15300, 2, []string{"Radotín"}},
	{"Praha 17", 5, 16300, 3, []string{"Řepy"}},
	{"Praha 18", 8, 19900, 2, []string{"Letňany"}},
	{"Praha 19", 8, 19700, 2, []string{"Kbely"}},
	{"Praha 20", 8, 19300, 4, []string{"Horní Počernice"}},
	{"Praha 21", 8, 19016, 2, []string{"Újezd nad Lesy"}},
	{"Praha 22", 9, 10400, 4, []string{"Uhříněves", "Pitkovice"}},
}

// pragueObvody are the ten správní obvody with their codes from the register.
var pragueObvody = []struct {
	code int
	name string
}{
	{19, "Praha 1"}, {27, "Praha 2"}, {35, "Praha 3"}, {43, "Praha 4"}, {51, "Praha 5"},
	{60, "Praha 6"}, {78, "Praha 7"}, {86, "Praha 8"}, {94, "Praha 9"}, {108, "Praha 10"},
}
