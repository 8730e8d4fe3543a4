package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/konkurs/konkurs/pipeline/document"
)

func render(t *testing.T, doc *document.Document) ([]byte, document.Result) {
	t.Helper()
	var buf bytes.Buffer
	res, err := Writer{}.Write(&buf, doc)
	if err != nil {
		t.Fatalf("Write: %v", err)
	}
	return buf.Bytes(), res
}

func TestWriterFormat(t *testing.T) {
	if got := (Writer{}).Format(); got != "pdf" {
		t.Errorf("Format() = %q", got)
	}
}

func TestSampleDocumentText(t *testing.T) {
	doc := sampleDocument()
	data, res := render(t, doc)
	path := writeTemp(t, data)
	all := pdfText(t, path, 0, 0)
	flat := collapse(all)

	pages := pdfPages(t, path)
	if pages != res.Pages {
		t.Fatalf("pdfinfo counts %d pages, Result.Pages = %d", pages, res.Pages)
	}
	if n, err := PageCount(doc); err != nil || n != res.Pages {
		t.Errorf("PageCount = %d, %v; want %d", n, err, res.Pages)
	}

	for _, scenario := range []struct {
		name  string
		check func(t *testing.T)
	}{
		{"kazakh letters intact", func(t *testing.T) {
			for _, w := range []string{"Әбілқайыр", "Ұлықбекұлы", "Іргебаев", "Һижра", "ғылыми-зерттеу", "қағидаларына", "Үміткер", "Өтінімге", "кезеңде", "Қалың", "көлбеу"} {
				if !strings.Contains(all, w) {
					t.Errorf("%q missing from the text", w)
				}
			}
		}},
		{"every special letter in every style", func(t *testing.T) {
			for _, style := range []string{"regular", "bold", "italic", "bold italic"} {
				want := style + ": " + specialLetters
				if !strings.Contains(flat, want) {
					t.Errorf("%q does not read back", want)
				}
			}
		}},
		{"russian text intact", func(t *testing.T) {
			for _, w := range []string{"подаётся", "«в срок, установленный объявлением»…", "Ёлка, съезд, подъём", "Правилам —"} {
				if !strings.Contains(flat, w) {
					t.Errorf("%q missing from the text", w)
				}
			}
		}},
		{"justified paragraph complete and in order", func(t *testing.T) {
			if !strings.Contains(flat, collapse(longKazakhParagraph)) {
				for _, w := range strings.Fields(longKazakhParagraph) {
					if !strings.Contains(flat, w) {
						t.Errorf("word %q of the justified paragraph is missing", w)
					}
				}
				t.Errorf("the justified paragraph does not read back in order")
			}
		}},
		{"annex header and title", func(t *testing.T) {
			for _, w := range []string{"Аумақтық кластерлерге конкурстық", "1-қосымша", "Бірінші кезеңге қатысуға өтінім"} {
				if !strings.Contains(all, w) {
					t.Errorf("%q missing", w)
				}
			}
			// The annex header sits in the right half of the page.
			for _, ln := range strings.Split(all, "\n") {
				if strings.Contains(ln, "1-қосымша") && len([]rune(ln))-len([]rune(strings.TrimLeft(ln, " "))) < 30 {
					t.Errorf("annex header is not indented to the right half: %q", ln)
				}
			}
		}},
		{"fill lines with captions and signature", func(t *testing.T) {
			for _, w := range []string{"«Алатау инновация» ЖШС", "(үміткердің атауы)", "Мекенжайы және телефоны", "(пошта мекенжайы)", "123456789012", "Басқарма төрағасы", "(қолы)", "(Т.А.Ә.)", "М.О.", "2026 жылғы 25 қарашадағы"} {
				if !strings.Contains(all, w) {
					t.Errorf("%q missing", w)
				}
			}
		}},
		{"every table row once", func(t *testing.T) {
			for i := 1; i <= 120; i++ {
				if n := strings.Count(all, fmt.Sprintf("«Өскемен-%d»", i)); n != 1 {
					t.Errorf("row %d appears %d times", i, n)
				}
			}
		}},
		{"header rows repeated on every table page", func(t *testing.T) {
			tablePages := 0
			for p := 1; p <= pages; p++ {
				text := pdfText(t, path, p, p)
				if !strings.Contains(text, "«Өскемен-") {
					continue
				}
				tablePages++
				for _, h := range []string{"Қатысушы", "атауы", "БСН", "Ескертпе"} {
					if n := strings.Count(text, h); n < 1 {
						t.Errorf("page %d: header %q appears %d times", p, h, n)
					}
				}
				if n := strings.Count(text, "Ескертпе"); n != 1 {
					t.Errorf("page %d: header row printed %d times", p, n)
				}
			}
			if tablePages < 3 {
				t.Errorf("the 120-row table spans %d pages; expected it to break across several", tablePages)
			}
		}},
		{"landscape page after page break", func(t *testing.T) {
			info := pdfInfo(t, path, 1, pages)
			for p := 1; p <= pages; p++ {
				m := regexp.MustCompile(fmt.Sprintf(`Page\s+%d size:\s+([\d.]+) x ([\d.]+)`, p)).FindStringSubmatch(info)
				if m == nil {
					t.Fatalf("no size for page %d", p)
				}
				landscape := m[1] > m[2]
				text := pdfText(t, path, p, p)
				if want := strings.Contains(text, "Альбомдық бет"); landscape != want {
					t.Errorf("page %d: landscape=%v, want %v (%s x %s)", p, landscape, want, m[1], m[2])
				}
			}
			if last := pdfText(t, path, pages, pages); !strings.Contains(last, "Соңғы бет.") {
				t.Errorf("last page lacks the text after the second page break")
			}
		}},
		{"footer and page numbers on every page", func(t *testing.T) {
			for p := 1; p <= pages; p++ {
				text := strings.TrimRight(pdfText(t, path, p, p), "\f\n ")
				lines := strings.Split(text, "\n")
				last := strings.TrimSpace(lines[len(lines)-1])
				if last != fmt.Sprint(p) {
					t.Errorf("page %d: last line %q, want the page number", p, last)
				}
				if !strings.Contains(text, "Үлгі құжат / Образец документа") {
					t.Errorf("page %d: footer text missing", p)
				}
			}
		}},
		{"title metadata", func(t *testing.T) {
			if !strings.Contains(pdfInfo(t, path, 0, 0), "Өтінім — Заявка") {
				t.Error("PDF Title is not the document title")
			}
		}},
	} {
		t.Run(scenario.name, scenario.check)
	}
}

func TestNoPageNumbers(t *testing.T) {
	doc := &document.Document{NoPageNumbers: true, Blocks: []document.Block{document.Text("Парақ")}}
	data, _ := render(t, doc)
	text := pdfText(t, writeTemp(t, data), 0, 0)
	if strings.ContainsAny(text, "0123456789") {
		t.Errorf("page number printed although NoPageNumbers: %q", text)
	}
}

func TestMissingGlyphIsAnError(t *testing.T) {
	for _, scenario := range []struct {
		name  string
		doc   *document.Document
		rune  rune
		where string
	}{
		{"paragraph", &document.Document{Blocks: []document.Block{document.Text("ok"), document.Justified("Кластер 漢 атауы")}}, '漢', "block 2 (paragraph)"},
		{"emoji in table cell", &document.Document{Blocks: []document.Block{document.Table{Widths: []float64{1, 1}, Rows: []document.Row{{Cells: []document.Cell{{Text: "a"}, {Text: "b"}}}, {Cells: []document.Cell{{Text: "c"}, {Text: "smile \U0001F600"}}}}}}}, 0x1F600, "block 1 (table), row 2, cell 2"},
		{"fill line caption", &document.Document{Blocks: []document.Block{document.FillLine{Value: "x", Caption: "(漢)"}}}, '漢', "block 1 (fill-in line)"},
		{"signature name", &document.Document{Blocks: []document.Block{document.SignatureBlock{Position: "Директор", Name: "\U0001F600"}}}, 0x1F600, "block 1 (signature)"},
		{"footer", &document.Document{Footer: "漢", Blocks: []document.Block{document.Text("ok")}}, '漢', "document footer"},
		{"heading", &document.Document{Blocks: []document.Block{document.Heading{Text: "Тақырып ☃", Level: 1}}}, '☃', "block 1 (heading)"},
	} {
		t.Run(scenario.name, func(t *testing.T) {
			var buf bytes.Buffer
			_, err := Writer{}.Write(&buf, scenario.doc)
			var ge *GlyphError
			if !errors.As(err, &ge) {
				t.Fatalf("err = %v, want a GlyphError", err)
			}
			if ge.Rune != scenario.rune || ge.Where != scenario.where {
				t.Errorf("GlyphError{%q, %q}, want {%q, %q}", ge.Rune, ge.Where, scenario.rune, scenario.where)
			}
			if !strings.Contains(err.Error(), fmt.Sprintf("U+%04X", scenario.rune)) {
				t.Errorf("message %q does not name the character", err)
			}
			if buf.Len() != 0 {
				t.Errorf("%d bytes written despite the error", buf.Len())
			}
		})
	}
}

func TestTableErrors(t *testing.T) {
	for _, scenario := range []struct {
		name  string
		table document.Table
		want  string
	}{
		{"too many cells", document.Table{Widths: []float64{1, 1}, Rows: []document.Row{{Cells: []document.Cell{{Text: "a"}, {Text: "b", ColSpan: 2}}}}}, "row 1, cell 2"},
		{"no widths", document.Table{Rows: []document.Row{{Cells: []document.Cell{{Text: "a"}}}}}, "no column widths"},
		{"zero width", document.Table{Widths: []float64{1, 0}}, "column 2"},
		{"merged rows taller than a page", document.Table{Widths: []float64{1, 1}, Rows: []document.Row{{Cells: []document.Cell{{Text: "a", RowSpan: 2}, {Text: strings.Repeat("жол\n", 30)}}}, {Cells: []document.Cell{{Text: strings.Repeat("жол\n", 30)}}}}}, "rows 1-2"},
	} {
		t.Run(scenario.name, func(t *testing.T) {
			_, err := Writer{}.Write(&bytes.Buffer{}, &document.Document{Blocks: []document.Block{document.Text("x"), scenario.table}})
			var te *TableError
			if !errors.As(err, &te) || !strings.Contains(err.Error(), scenario.want) || !strings.Contains(err.Error(), "block 2 (table)") {
				t.Errorf("err = %v, want a TableError mentioning %q", err, scenario.want)
			}
		})
	}
}

func TestMergedCellsKeepTheGrid(t *testing.T) {
	doc := &document.Document{Blocks: []document.Block{document.Table{
		Widths: []float64{1, 1, 1},
		Rows: []document.Row{
			{Cells: []document.Cell{{Text: "A1", RowSpan: 3}, {Text: "B1"}, {Text: "C1"}}},
			{Cells: []document.Cell{{Text: "B2C2", ColSpan: 2}}},
			{Cells: []document.Cell{{Text: "B3"}, {Text: "C3"}}},
		},
	}}}
	data, _ := render(t, doc)
	lines := strings.Split(pdfText(t, writeTemp(t, data), 0, 0), "\n")
	col := func(s string) int {
		for _, ln := range lines {
			if i := strings.Index(ln, s); i >= 0 {
				return len([]rune(ln[:i]))
			}
		}
		t.Fatalf("%q not found", s)
		return 0
	}
	if col("B3") != col("B1") || col("C3") != col("C1") || col("B2C2") != col("B1") {
		t.Errorf("columns misaligned: B1 %d B2C2 %d B3 %d, C1 %d C3 %d", col("B1"), col("B2C2"), col("B3"), col("C1"), col("C3"))
	}
}

func TestLongWordIsCutNotLost(t *testing.T) {
	long := strings.Repeat("Ә", 150)
	data, _ := render(t, &document.Document{Blocks: []document.Block{document.Justified(long + " соңы")}})
	text := pdfText(t, writeTemp(t, data), 0, 0)
	if got := strings.Count(text, "Ә"); got != 150 {
		t.Errorf("%d of 150 letters printed", got)
	}
}

func TestOutputIsDeterministic(t *testing.T) {
	a, _ := render(t, sampleDocument())
	b, _ := render(t, sampleDocument())
	if !bytes.Equal(a, b) {
		t.Error("two renders of the same document differ")
	}
}

func TestConcurrentWrites(t *testing.T) {
	want, _ := render(t, smallForm())
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			if _, err := (Writer{}).Write(&buf, smallForm()); err != nil {
				errs <- err
				return
			}
			if !bytes.Equal(buf.Bytes(), want) {
				errs <- errors.New("concurrent render differs from a sequential one")
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func TestRowTallerThanAPageContinues(t *testing.T) {
	var text strings.Builder
	for i := 1; i <= 90; i++ {
		fmt.Fprintf(&text, "жол-%d\n", i)
	}
	doc := &document.Document{Blocks: []document.Block{document.Table{
		Widths: []float64{1, 3}, HeaderRows: 1,
		Rows: []document.Row{
			{Cells: []document.Cell{{Text: "Бағана"}, {Text: "Мазмұны"}}},
			{Cells: []document.Cell{{Text: "1"}, {Text: text.String()}}},
			{Cells: []document.Cell{{Text: "2"}, {Text: "соңғы жол"}}},
		},
	}}}
	data, res := render(t, doc)
	path := writeTemp(t, data)
	if res.Pages < 2 {
		t.Fatalf("%d page(s); the row needs more than one", res.Pages)
	}
	all := pdfText(t, path, 0, 0)
	for i := 1; i <= 90; i++ {
		if n := strings.Count(all, fmt.Sprintf("жол-%d\n", i)) + strings.Count(all, fmt.Sprintf("жол-%d ", i)); n != 1 {
			t.Errorf("line %d printed %d times", i, n)
		}
	}
	for p := 1; p <= res.Pages; p++ {
		if n := strings.Count(pdfText(t, path, p, p), "Мазмұны"); n != 1 {
			t.Errorf("page %d: header printed %d times", p, n)
		}
	}
}
