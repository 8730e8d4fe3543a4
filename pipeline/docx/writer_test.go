package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"sync"
	"testing"

	"github.com/konkurs/konkurs/pipeline/document"
)

func render(t testing.TB, doc *document.Document) []byte {
	t.Helper()
	var buf bytes.Buffer
	if _, err := (Writer{}).Write(&buf, doc); err != nil {
		t.Fatalf("Write: %v", err)
	}
	return buf.Bytes()
}

// unzipParts returns every part of the package by name and checks that each
// XML part is well-formed.
func unzipParts(t testing.TB, data []byte) map[string]string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("not a zip: %v", err)
	}
	parts := map[string]string{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		body, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		dec := xml.NewDecoder(bytes.NewReader(body))
		for {
			if _, err := dec.Token(); err == io.EOF {
				break
			} else if err != nil {
				t.Fatalf("%s is not well-formed XML: %v", f.Name, err)
			}
		}
		parts[f.Name] = string(body)
	}
	return parts
}

// docxBody is the part of document.xml the tests inspect.
type docxBody struct {
	Paragraphs []xParagraph `xml:"body>p"`
	Tables     []xTable     `xml:"body>tbl"`
	FinalSect  xSect        `xml:"body>sectPr"`
}

type xParagraph struct {
	Texts []string `xml:"r>t"`
	Sect  *xSect   `xml:"pPr>sectPr"`
}

type xSect struct {
	PgSz struct {
		W      int    `xml:"w,attr"`
		H      int    `xml:"h,attr"`
		Orient string `xml:"orient,attr"`
	} `xml:"pgSz"`
	PgMar struct {
		Top    int `xml:"top,attr"`
		Right  int `xml:"right,attr"`
		Bottom int `xml:"bottom,attr"`
		Left   int `xml:"left,attr"`
		Footer int `xml:"footer,attr"`
	} `xml:"pgMar"`
	Footer *struct {
		ID string `xml:"id,attr"`
	} `xml:"footerReference"`
}

type xVal struct {
	Val string `xml:"val,attr"`
}

type xTable struct {
	Grid []struct {
		W int `xml:"w,attr"`
	} `xml:"tblGrid>gridCol"`
	Rows []struct {
		Header *struct{} `xml:"trPr>tblHeader"`
		Cells  []struct {
			Width struct {
				W int `xml:"w,attr"`
			} `xml:"tcPr>tcW"`
			Span   *xVal        `xml:"tcPr>gridSpan"`
			VMerge *xVal        `xml:"tcPr>vMerge"`
			Paras  []xParagraph `xml:"p"`
		} `xml:"tc"`
	} `xml:"tr"`
}

func parseBody(t testing.TB, documentXML string) docxBody {
	t.Helper()
	var body docxBody
	if err := xml.Unmarshal([]byte(documentXML), &body); err != nil {
		t.Fatalf("document.xml: %v", err)
	}
	return body
}

func TestPackageHasEveryPart(t *testing.T) {
	for _, lang := range []string{"kk", "ru"} {
		parts := unzipParts(t, render(t, fullSample(lang)))
		for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels",
			"word/styles.xml", "word/settings.xml", "word/footer1.xml", "docProps/core.xml", "docProps/app.xml"} {
			if _, ok := parts[name]; !ok {
				t.Errorf("%s: part %s missing", lang, name)
			}
		}
		tag := map[string]string{"kk": "kk-KZ", "ru": "ru-RU"}[lang]
		mustContain(t, parts["word/styles.xml"], `w:ascii="Times New Roman"`, `<w:sz w:val="28"/>`, `<w:lang w:val="`+tag+`"`)
		mustContain(t, parts["docProps/core.xml"], "<dc:title>"+texts[lang].title+"</dc:title>")
		mustContain(t, parts["word/_rels/document.xml.rels"], `Target="footer1.xml"`, `Target="styles.xml"`)
		mustContain(t, parts["[Content_Types].xml"], `PartName="/word/footer1.xml"`)
		footer := parts["word/footer1.xml"]
		mustContain(t, footer, `<w:instrText xml:space="preserve"> PAGE </w:instrText>`, `<w:jc w:val="center"/>`, texts[lang].tableTitle)
	}
}

func TestDocumentXMLLayout(t *testing.T) {
	for _, lang := range []string{"kk", "ru"} {
		t.Run(lang, func(t *testing.T) {
			tx := texts[lang]
			docXML := unzipParts(t, render(t, fullSample(lang)))["word/document.xml"]
			body := parseBody(t, docXML)

			// Sections: portrait, then landscape, then portrait again.
			var sects []xSect
			for _, p := range body.Paragraphs {
				if p.Sect != nil {
					sects = append(sects, *p.Sect)
				}
			}
			sects = append(sects, body.FinalSect)
			if len(sects) != 3 {
				t.Fatalf("got %d sections, want 3 (portrait, landscape, portrait)", len(sects))
			}
			for i, s := range sects {
				wantLandscape := i == 1
				w, h := 11906, 16838
				if wantLandscape {
					w, h = h, w
				}
				if s.PgSz.W != w || s.PgSz.H != h || (s.PgSz.Orient == "landscape") != wantLandscape {
					t.Errorf("section %d: pgSz %+v, want %dx%d landscape=%v", i, s.PgSz, w, h, wantLandscape)
				}
				if m := s.PgMar; m.Left != 1701 || m.Right != 851 || m.Top != 1134 || m.Bottom != 1134 || m.Footer == 0 {
					t.Errorf("section %d: margins %+v, want left 1701 right 851 top/bottom 1134 and a footer distance", i, m)
				}
				if s.Footer == nil || s.Footer.ID != footerRelID {
					t.Errorf("section %d: no footer reference", i)
				}
			}

			// The participants tables: two header rows, merged cells, grid intact.
			var withHeader int
			for ti, tbl := range body.Tables {
				checkGrid(t, ti, tbl)
				if len(tbl.Rows) > 0 && tbl.Rows[0].Header != nil {
					withHeader++
					if tbl.Rows[1].Header == nil || tbl.Rows[2].Header != nil {
						t.Errorf("table %d: want exactly the first two rows marked tblHeader", ti)
					}
				}
			}
			if withHeader != 2 {
				t.Errorf("%d tables with header rows, want 2", withHeader)
			}
			mustContain(t, docXML, `<w:gridSpan w:val="2"/>`, `<w:vMerge w:val="restart"/>`, `<w:vMerge/>`,
				`<w:tblHeader/>`, `<w:ind w:firstLine="709"/>`, `<w:jc w:val="both"/>`, `<w:u w:val="single"/>`,
				`<w:ind w:left="4677"/>`, `<w:br/>`, `<w:br w:type="page"/>`, `<w:sz w:val="20"/>`, `<w:sz w:val="24"/>`,
				`<w:pStyle w:val="Heading1"/>`, `<w:pStyle w:val="Heading2"/>`, `<w:pStyle w:val="Heading3"/>`, `<w:keepNext/>`)
			// Escaping and preserved spaces.
			mustContain(t, docXML, `&lt;&amp;&gt; &#34;`, `<w:t xml:space="preserve">`+tx.letters+` </w:t>`)

			text := allText(body)
			for _, phrase := range append(append([]string{tx.title, tx.intro, tx.position, tx.name, tx.signCap, tx.nameCap, tx.seal, tx.date, tx.received, tx.landscape, `<&> "` + tx.addressee + `"`, tx.name + " — " + tx.position}, tx.annex...), tx.labels...) {
				if !strings.Contains(text, phrase) {
					t.Errorf("document text lacks %q", phrase)
				}
			}
		})
	}
}

// checkGrid verifies that every row covers the grid exactly and that each
// vMerge continuation sits under a merged cell of the same span.
func checkGrid(t *testing.T, ti int, tbl xTable) {
	t.Helper()
	gridTotal := 0
	for _, g := range tbl.Grid {
		gridTotal += g.W
	}
	if gridTotal > 14286 {
		t.Errorf("table %d: grid %d twips is wider than the text", ti, gridTotal)
	}
	merged := make([]int, len(tbl.Grid)) // span of the merge open at each column, 0 if none
	for r, row := range tbl.Rows {
		col := 0
		for c, cell := range row.Cells {
			span := 1
			if cell.Span != nil {
				span = atoi(cell.Span.Val)
			}
			if col+span > len(tbl.Grid) {
				t.Fatalf("table %d row %d cell %d: spans past the grid", ti, r, c)
			}
			if cell.Width.W != spanWidth(gridInts(tbl), col, span) {
				t.Errorf("table %d row %d cell %d: tcW %d, grid says %d", ti, r, c, cell.Width.W, spanWidth(gridInts(tbl), col, span))
			}
			switch {
			case cell.VMerge == nil:
				merged[col] = 0
			case cell.VMerge.Val == "restart":
				merged[col] = span
			default:
				if merged[col] != span {
					t.Errorf("table %d row %d cell %d: vMerge continue without a merged cell of span %d above", ti, r, c, span)
				}
			}
			col += span
		}
		if col != len(tbl.Grid) {
			t.Errorf("table %d row %d: covers %d of %d grid columns", ti, r, col, len(tbl.Grid))
		}
	}
}

func gridInts(tbl xTable) []int {
	g := make([]int, len(tbl.Grid))
	for i, v := range tbl.Grid {
		g[i] = v.W
	}
	return g
}

func atoi(s string) int {
	n := 0
	for _, r := range s {
		n = n*10 + int(r-'0')
	}
	return n
}

func allText(body docxBody) string {
	var b strings.Builder
	add := func(p xParagraph) {
		b.WriteString(strings.Join(p.Texts, ""))
		b.WriteByte('\n')
	}
	for _, p := range body.Paragraphs {
		add(p)
	}
	for _, tbl := range body.Tables {
		for _, row := range tbl.Rows {
			for _, cell := range row.Cells {
				for _, p := range cell.Paras {
					add(p)
				}
			}
		}
	}
	return b.String()
}

func mustContain(t testing.TB, haystack string, needles ...string) {
	t.Helper()
	for _, n := range needles {
		if !strings.Contains(haystack, n) {
			t.Errorf("missing %q", n)
		}
	}
}

func TestVerticalMergeInsertsCoveredCells(t *testing.T) {
	tbl := document.Table{Widths: []float64{1, 1, 1}, Rows: []document.Row{
		{Cells: []document.Cell{{Text: "A", RowSpan: 3}, {Text: "B", ColSpan: 2, RowSpan: 2}}},
		{},
		{Cells: []document.Cell{{Text: "C"}, {Text: "D"}}},
		{Cells: []document.Cell{{Text: "E"}}}, // short row: padded
	}}
	doc := &document.Document{Lang: "kk", Blocks: []document.Block{tbl}}
	body := parseBody(t, unzipParts(t, render(t, doc))["word/document.xml"])
	got := body.Tables[0]
	checkGrid(t, 0, got)
	want := [][]string{{"restart", "restart"}, {"continue", "continue"}, {"continue", "", ""}, {"", "", ""}}
	for r, row := range got.Rows {
		var merges []string
		for _, c := range row.Cells {
			switch {
			case c.VMerge == nil:
				merges = append(merges, "")
			case c.VMerge.Val == "":
				merges = append(merges, "continue")
			default:
				merges = append(merges, c.VMerge.Val)
			}
		}
		if strings.Join(merges, ",") != strings.Join(want[r], ",") {
			t.Errorf("row %d: vMerge %q, want %q", r, merges, want[r])
		}
	}
}

func TestBadInputWritesNothing(t *testing.T) {
	cases := []struct {
		scenario string
		doc      *document.Document
		want     string
	}{
		{"unknown language", &document.Document{Lang: "de"}, `lang "de"`},
		{"too many cells", &document.Document{Lang: "ru", Blocks: []document.Block{
			document.Text("x"),
			document.Table{Widths: []float64{1, 1}, Rows: []document.Row{{Cells: []document.Cell{{}, {}, {}}}}},
		}}, "blocks[1]: table: rows[0]: 3 cells do not fit into 2 columns"},
		{"span past the grid", &document.Document{Lang: "kk", Blocks: []document.Block{
			document.Table{Widths: []float64{1, 1}, Rows: []document.Row{{Cells: []document.Cell{{}, {ColSpan: 2}}}}},
		}}, "blocks[0]: table: rows[0].cells[1]: spans grid columns 2-3, the table has 2"},
		{"no columns", &document.Document{Lang: "kk", Blocks: []document.Block{document.Table{}}}, "widths is empty"},
		{"negative width", &document.Document{Lang: "kk", Blocks: []document.Block{document.Table{Widths: []float64{1, -1}}}}, "widths[1] = -1"},
		{"nil block", &document.Document{Lang: "kk", Blocks: []document.Block{nil}}, "blocks[0]: nil block"},
	}
	for _, c := range cases {
		t.Run(c.scenario, func(t *testing.T) {
			var buf bytes.Buffer
			_, err := (Writer{}).Write(&buf, c.doc)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %v, want one containing %q", err, c.want)
			}
			if buf.Len() != 0 {
				t.Errorf("wrote %d bytes on error", buf.Len())
			}
		})
	}
}

func TestNoPageNumbersWithoutFooterText(t *testing.T) {
	doc := smallForm("kk")
	doc.NoPageNumbers = true
	parts := unzipParts(t, render(t, doc))
	if _, ok := parts["word/footer1.xml"]; ok {
		t.Error("footer written although there is neither page number nor footer text")
	}
	if strings.Contains(parts["word/document.xml"], "footerReference") || strings.Contains(parts["[Content_Types].xml"], "footer") {
		t.Error("footer referenced although not written")
	}
	doc.Footer = "Том 1"
	footer := unzipParts(t, render(t, doc))["word/footer1.xml"]
	mustContain(t, footer, "Том 1")
	if strings.Contains(footer, "PAGE") {
		t.Error("PAGE field written with NoPageNumbers")
	}
}

func TestOutputIsDeterministicAndConcurrencySafe(t *testing.T) {
	want := render(t, fullSample("kk"))
	var wg sync.WaitGroup
	results := make([][]byte, 8)
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			lang := "kk"
			if i%2 == 1 {
				lang = "ru"
			}
			var buf bytes.Buffer
			if _, err := (Writer{}).Write(&buf, fullSample(lang)); err != nil {
				t.Error(err)
			}
			results[i] = buf.Bytes()
		}()
	}
	wg.Wait()
	for i := 0; i < len(results); i += 2 {
		if !bytes.Equal(results[i], want) {
			t.Fatalf("run %d differs from the first rendering of the same document", i)
		}
	}
	if bytes.Equal(results[0], results[1]) {
		t.Fatal("kk and ru renderings are identical")
	}
}

func TestEscapeTextDropsInvalidCharacters(t *testing.T) {
	var b xmlBuilder
	b.escapeText("a\x00b\x1fc<d>&\"\xffé\tЁ")
	if got, want := b.String(), "abc&lt;d&gt;&amp;&#34;\uFFFDé\tЁ"; got != want {
		t.Errorf("escapeText = %q, want %q", got, want)
	}
}

func TestLandscapeFirstSection(t *testing.T) {
	doc := &document.Document{Lang: "ru", Landscape: true, NoPageNumbers: true, Blocks: []document.Block{
		document.Text("альбомная"),
		&document.PageBreak{Landscape: true}, // same orientation: a plain page break
		&document.Paragraph{Runs: []document.Run{{Text: "по-прежнему альбомная"}}},
		document.PageBreak{},
		document.Text("книжная"),
	}}
	docXML := unzipParts(t, render(t, doc))["word/document.xml"]
	body := parseBody(t, docXML)
	var sects []xSect
	for _, p := range body.Paragraphs {
		if p.Sect != nil {
			sects = append(sects, *p.Sect)
		}
	}
	sects = append(sects, body.FinalSect)
	if len(sects) != 2 || sects[0].PgSz.Orient != "landscape" || sects[0].PgSz.W != 16838 || sects[1].PgSz.Orient != "" || sects[1].PgSz.W != 11906 {
		t.Fatalf("sections %+v, want landscape then portrait", sects)
	}
	if n := strings.Count(docXML, `<w:br w:type="page"/>`); n != 1 {
		t.Errorf("%d page breaks, want 1 (the orientation change is a section break)", n)
	}
	if sects[0].Footer != nil {
		t.Error("footer referenced with NoPageNumbers and no footer text")
	}
}
