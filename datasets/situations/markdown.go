package situations

import (
	"fmt"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

// Markdown is the dialect of the situations' texts: CommonMark with tables (fee lists) and bare
// web addresses made links. Raw HTML is refused when read and never rendered, and tables carry
// no alignment, which would need style attributes the portal's CSP forbids.
var Markdown = goldmark.New(goldmark.WithExtensions(
	extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignNone)),
	extension.Linkify,
))

// allowedLinks are the beginnings of the link targets a text may have: the web, e-mail, phone
// and the portal's own pages.
var allowedLinks = []string{"https://", "http://", "mailto:", "tel:", "/", "#"}

// checkMarkdown reports the first thing src, a section's text starting on line first of its
// file, may not hold: raw HTML, images, headings above level 3 (## starts a section) or links
// other than allowedLinks. It returns the line and the problem, or "" when all is well.
func checkMarkdown(src string, first int) (int, string) {
	source := []byte(src)
	doc := Markdown.Parser().Parse(text.NewReader(source))
	line, problem := 0, ""
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) { //nolint:errcheck // the walker returns no error
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.HTMLBlock, *ast.RawHTML:
			problem = "HTML is not allowed in the text: write Markdown"
		case *ast.Image:
			problem = "images are not allowed in the text"
		case *ast.Heading:
			if n.Level < 3 {
				problem = "headings inside a section start with ### (## starts a section)"
			}
		case *ast.Link:
			if dest := string(n.Destination); !allowedLink(dest) {
				problem = fmt.Sprintf("link to %q: want https://…, mailto:, tel: or a portal path starting with /", dest)
			}
		}
		if problem == "" {
			return ast.WalkContinue, nil
		}
		line = first + strings.Count(src[:offset(n)], "\n")
		return ast.WalkStop, nil
	})
	return line, problem
}

func allowedLink(dest string) bool {
	for _, p := range allowedLinks {
		if strings.HasPrefix(dest, p) {
			return true
		}
	}
	return false
}

// offset is where in the source n starts, as near as the tree tells: where n or its first
// descendant with a place starts, else where its nearest ancestor with one does.
func offset(n ast.Node) int {
	for c := n; c != nil; c = c.FirstChild() {
		if o, ok := ownOffset(c); ok {
			return o
		}
	}
	for p := n.Parent(); p != nil; p = p.Parent() {
		if o, ok := ownOffset(p); ok {
			return o
		}
	}
	return 0
}

// ownOffset is where n starts when n itself records it.
func ownOffset(n ast.Node) (int, bool) {
	switch t := n.(type) {
	case *ast.Text:
		return t.Segment.Start, true
	case *ast.RawHTML:
		if t.Segments.Len() > 0 {
			return t.Segments.At(0).Start, true
		}
	}
	if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
		return n.Lines().At(0).Start, true
	}
	return 0, false
}
