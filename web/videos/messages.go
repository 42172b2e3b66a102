package videos

import (
	"github.com/radnice/radnice/web/i18n"
)

// msg holds the video guides' own words; the guides themselves are Czech content.
var msg = i18n.Catalogue{
	"title": {CS: "Videonávody", EN: "Video guides"},
	"intro": {
		CS: "Krátká videa vás provedou tím, co na úřadě vyřizujete nejčastěji. Každé má titulky a celý přepis.",
		EN: "Short videos guide you through what people most often deal with at the town office. Each has captions and a full transcript.",
	},
	"in-czech":      {EN: "The videos, their captions and transcripts are in Czech."},
	"none":          {CS: "Zatím tu nejsou žádné videonávody.", EN: "There are no video guides yet."},
	"length":        {CS: "Délka", EN: "Length"},
	"published":     {CS: "Zveřejněno", EN: "Published"},
	"page-title":    {CS: "%s – videonávod", EN: "%s – video guide"},
	"cannot-play":   {CS: "Váš prohlížeč video neumí přehrát. Stáhněte si ho, nebo si přečtěte přepis níže.", EN: "Your browser cannot play the video. Download it, or read the transcript below."},
	"download":      {CS: "Stáhnout video (%s, %s)", EN: "Download the video (%s, %s)"},
	"captions-file": {CS: "Titulky (WebVTT)", EN: "Captions (WebVTT)"},
	"captions-lang": {CS: "Čeština", EN: "Czech"},
	"transcript":    {CS: "Přepis videa", EN: "Transcript"},
	"situations":    {CS: "Související životní situace", EN: "Related life situations"},
}
