package pdf

import (
	"testing"

	"github.com/konkurs/konkurs/pipeline/document"
)

// rules counts the rules a document's first page draws.
func rules(t *testing.T, doc *document.Document) int {
	t.Helper()
	pages, err := lay(doc)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, op := range pages[0].ops {
		if op.kind == opLine {
			n++
		}
	}
	return n
}

func TestRulesDrawn(t *testing.T) {
	for _, scenario := range []struct {
		name  string
		block document.Block
		want  int
	}{
		{"blank fill line is one rule", document.FillLine{Caption: "(атауы)"}, 1},
		{"fill line with label and value", document.FillLine{Label: "БСН", Value: "123456789012"}, 1},
		{"long value continues on ruled lines", document.FillLine{Value: longKazakhParagraph}, 8},
		{"signature and name rules", document.SignatureBlock{Position: "Төраға", Name: "А. Б. Әлиев"}, 2},
		{"bordered 2x2 table", document.Table{Widths: []float64{1, 1}, Rows: []document.Row{{Cells: []document.Cell{{}, {}}}, {Cells: []document.Cell{{}, {}}}}}, 16},
		{"borderless table", document.Table{Widths: []float64{1, 1}, Borderless: true, Rows: []document.Row{{Cells: []document.Cell{{Text: "а"}, {Text: "б"}}}}}, 0},
		{"underlined words share one rule per word and gap", document.Paragraph{Runs: []document.Run{{Text: "бір екі", Underline: true}}}, 3},
	} {
		t.Run(scenario.name, func(t *testing.T) {
			doc := &document.Document{NoPageNumbers: true, Blocks: []document.Block{scenario.block}}
			if got := rules(t, doc); got != scenario.want {
				t.Errorf("%d rules, want %d", got, scenario.want)
			}
		})
	}
}

func TestFirstLineIndentAndJustification(t *testing.T) {
	pages, err := lay(&document.Document{NoPageNumbers: true, Blocks: []document.Block{document.Justified(longKazakhParagraph)}})
	if err != nil {
		t.Fatal(err)
	}
	ops := pages[0].ops
	left := document.MarginLeftMM * mm
	textW := (document.PageWidthMM - document.MarginLeftMM - document.MarginRightMM) * mm
	if got := ops[0].x - left; got < firstLineIndent-0.01 || got > firstLineIndent+0.01 {
		t.Errorf("first line starts %.2f pt after the margin, want %.2f (12.5 mm)", got, firstLineIndent)
	}
	for i, op := range ops[:len(ops)-1] {
		if op.kind != opJustified {
			t.Errorf("line %d is not justified", i+1)
			continue
		}
		if end := op.x + op.w; end < left+textW-0.01 || end > left+textW+0.01 {
			t.Errorf("line %d ends at %.2f, want the right margin %.2f", i+1, end, left+textW)
		}
	}
	if last := ops[len(ops)-1]; last.kind != opText {
		t.Errorf("the last line of a justified paragraph must not be stretched")
	}
}

func TestLineBreaks(t *testing.T) {
	if err := loadFaces(); err != nil {
		t.Fatal(err)
	}
	for _, scenario := range []struct {
		text  string
		lines int
	}{
		{"", 1},
		{"бір", 1},
		{"бір\nекі", 2},
		{"бір\n\nекі", 3},
		{"\nбір", 2},
		{"  бір   екі  ", 1},
		{"бір\r\nекі", 2},
	} {
		l := &layout{}
		ws, err := l.words(plain(scenario.text), 14, false)
		if err != nil {
			t.Fatal(err)
		}
		if got := len(breakLines(ws, 400, 400, 14)); got != scenario.lines {
			t.Errorf("%q: %d lines, want %d", scenario.text, got, scenario.lines)
		}
	}
}
