package vfr_test

import (
	"bufio"
	"fmt"
	"html"
	"io"
	"math"
	"strconv"
	"strings"
)

// This file generates VFR XML shaped like ČÚZK's ST_UVOH file: the same root, header,
// namespaces, element order and GML encoding, for tests of any size.

const vfrHead = `<?xml version="1.0" encoding="UTF-8"?>
<vf:VymennyFormat xmlns:gml="http://www.opengis.net/gml/3.2" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:com="urn:cz:isvs:ruian:schemas:CommonTypy:v1" xmlns:mci="urn:cz:isvs:ruian:schemas:MomcIntTypy:v1" xmlns:obi="urn:cz:isvs:ruian:schemas:ObecIntTypy:v1" xmlns:vf="urn:cz:isvs:ruian:schemas:VymennyFormatTypy:v1" xmlns:voi="urn:cz:isvs:ruian:schemas:VOIntTypy:v1" xsi:schemaLocation="urn:cz:isvs:ruian:schemas:VymennyFormatTypy:v1 ../ruian/xsd/vymenny_format/VymennyFormatTypy.xsd">
  <vf:Hlavicka>
    <vf:VerzeVFR>3.0</vf:VerzeVFR>
    <vf:TypZaznamu>Platne</vf:TypZaznamu>
    <vf:TypDavky>Plna</vf:TypDavky>
    <vf:TypSouboru>ST_UVOH</vf:TypSouboru>
    <vf:Datum>2026-09-30T23:11:42</vf:Datum>
    <vf:TransakceOd>
      <com:Id>0</com:Id>
      <com:Zapsano>2011-07-01T00:00:00</com:Zapsano>
    </vf:TransakceOd>
    <vf:TransakceDo>
      <com:Id>6912345</com:Id>
      <com:Zapsano>2026-09-30T20:58:03</com:Zapsano>
    </vf:TransakceDo>
    <vf:Metadata>Volební okrsky a jejich hranice</vf:Metadata>
  </vf:Hlavicka>
  <vf:Data>
    <vf:VolebniOkrsky>
`

const vfrTail = `    </vf:VolebniOkrsky>
  </vf:Data>
</vf:VymennyFormat>
`

// genDistrict is one district to write.
type genDistrict struct {
	Code, Number, Municipality, CityDistrict int
	Note                                     string
	ValidFrom, ValidTo                       string
	Incorrect                                bool
	Polygons                                 [][][]float64 // polygon → rings (exterior first) → x y x y …
}

// write writes the district as a vf:VO element.
func (g genDistrict) write(w io.Writer) {
	fmt.Fprintf(w, "      <vf:VO gml:id=\"VO.%d\">\n", g.Code)
	fmt.Fprintf(w, "        <voi:Kod>%d</voi:Kod>\n", g.Code)
	fmt.Fprintf(w, "        <voi:Cislo>%d</voi:Cislo>\n", g.Number)
	if g.Incorrect {
		fmt.Fprintf(w, "        <voi:Nespravny>true</voi:Nespravny>\n")
	}
	fmt.Fprintf(w, "        <voi:Obec>\n          <obi:Kod>%d</obi:Kod>\n        </voi:Obec>\n", g.Municipality)
	if g.CityDistrict != 0 {
		fmt.Fprintf(w, "        <voi:Momc>\n          <mci:Kod>%d</mci:Kod>\n        </voi:Momc>\n", g.CityDistrict)
	}
	if g.Note != "" {
		fmt.Fprintf(w, "        <voi:Poznamka>%s</voi:Poznamka>\n", html.EscapeString(g.Note))
	}
	validFrom := g.ValidFrom
	if validFrom == "" {
		validFrom = "2026-02-05T00:00:00"
	}
	fmt.Fprintf(w, "        <voi:PlatiOd>%s</voi:PlatiOd>\n", validFrom)
	if g.ValidTo != "" {
		fmt.Fprintf(w, "        <voi:PlatiDo>%s</voi:PlatiDo>\n", g.ValidTo)
	}
	fmt.Fprintf(w, "        <voi:IdTransakce>6234567</voi:IdTransakce>\n")
	fmt.Fprintf(w, "        <voi:GlobalniIdNavrhuZmeny>9876543</voi:GlobalniIdNavrhuZmeny>\n")
	if len(g.Polygons) > 0 {
		ext := g.Polygons[0][0]
		fmt.Fprintf(w, "        <voi:Geometrie>\n          <voi:DefinicniBod>\n")
		fmt.Fprintf(w, "            <gml:Point gml:id=\"DVO.%d\" srsName=\"urn:ogc:def:crs:EPSG::5514\" srsDimension=\"2\">\n", g.Code)
		fmt.Fprintf(w, "              <gml:pos>%s %s</gml:pos>\n            </gml:Point>\n", num(ext[0]), num(ext[1]))
		fmt.Fprintf(w, "          </voi:DefinicniBod>\n          <voi:OriginalniHranice>\n")
		fmt.Fprintf(w, "            <gml:MultiSurface gml:id=\"HVO.%d\" srsName=\"urn:ogc:def:crs:EPSG::5514\" srsDimension=\"2\">\n", g.Code)
		for i, poly := range g.Polygons {
			fmt.Fprintf(w, "              <gml:surfaceMember>\n                <gml:Polygon gml:id=\"HVO.%d.%d\">\n", g.Code, i+1)
			for j, ring := range poly {
				kind := "exterior"
				if j > 0 {
					kind = "interior"
				}
				fmt.Fprintf(w, "                  <gml:%s>\n                    <gml:LinearRing>\n                      <gml:posList>", kind)
				for k, v := range ring {
					if k > 0 {
						io.WriteString(w, " ")
					}
					io.WriteString(w, num(v))
				}
				fmt.Fprintf(w, "</gml:posList>\n                    </gml:LinearRing>\n                  </gml:%s>\n", kind)
			}
			fmt.Fprintf(w, "                </gml:Polygon>\n              </gml:surfaceMember>\n")
		}
		fmt.Fprintf(w, "            </gml:MultiSurface>\n          </voi:OriginalniHranice>\n        </voi:Geometrie>\n")
	}
	fmt.Fprintf(w, "      </vf:VO>\n")
}

func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// vfrDocument writes a whole ST_UVOH-shaped document of the given districts.
func vfrDocument(districts ...genDistrict) string {
	var b strings.Builder
	b.WriteString(vfrHead)
	for _, d := range districts {
		d.write(&b)
	}
	b.WriteString(vfrTail)
	return b.String()
}

// square is a closed ring: a square of side metres with its south-west corner at x, y,
// counter-clockwise.
func square(x, y, side float64) []float64 {
	return []float64{x, y, x + side, y, x + side, y + side, x, y + side, x, y}
}

// jaggedRing is a closed ring of n vertices around the centre cx, cy, like the boundary of a
// town district that follows streets and parcels.
func jaggedRing(cx, cy float64, n int, seed uint64) []float64 {
	ring := make([]float64, 0, 2*n+2)
	for i := 0; i < n; i++ {
		seed = seed*6364136223846793005 + 1442695040888963407
		a := 2 * math.Pi * float64(i) / float64(n)
		r := 400 + float64(seed>>40%200)
		ring = append(ring, math.Round((cx+r*math.Cos(a))*100)/100, math.Round((cy+r*math.Sin(a))*100)/100)
	}
	return append(ring, ring[0], ring[1])
}

// streamDocument writes a document of roughly size bytes of districts to w, each with a
// boundary of vertices points, and reports how many districts it wrote.
func streamDocument(w io.Writer, size int64, vertices int) (int, error) {
	cw := &countingWriter{w: w}
	bw := bufio.NewWriterSize(cw, 1<<16)
	bw.WriteString(vfrHead)
	n := 0
	for cw.n < size {
		n++
		d := genDistrict{
			Code:         100000 + n,
			Number:       n%400 + 1,
			Municipality: 500000 + n%6000,
			Note:         "Volební místnost: Základní škola, Komenského 12",
			Polygons: [][][]float64{{
				jaggedRing(-700000+float64(n%300)*1000, -1100000+float64(n/300%100)*1000, vertices, uint64(n)),
			}},
		}
		d.write(bw)
		if err := bw.Flush(); err != nil {
			return n, err
		}
	}
	bw.WriteString(vfrTail)
	return n, bw.Flush()
}

type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}
