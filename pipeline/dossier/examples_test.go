package dossier

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/konkurs/konkurs/pipeline/document"
	"github.com/konkurs/konkurs/pipeline/pdf"
)

// The example dossier's attachments are made by konkurs's own PDF writer:
// go test ./pipeline/dossier -run TestExampleAttachments -update-examples
var updateExamples = flag.Bool("update-examples", false, "rewrite examples/attachments/*.pdf")

const examplesDir = "../../examples"

// exampleAttachments are the documents an applicant attaches: the concept
// (Annex 2), the akimat's conclusion (Annex 3) and statistics with a
// landscape table.
func exampleAttachments() map[string]*document.Document {
	para := func(s string) document.Block { return document.Justified(s) }
	concept := &document.Document{Kind: "example_concept", Lang: "kk",
		Title: "Павлодар металлургия аумақтық кластерін дамыту тұжырымдамасы"}
	concept.Blocks = append(concept.Blocks,
		document.Heading{Level: 1, Text: "Павлодар металлургия аумақтық кластерін дамыту тұжырымдамасы"})
	sections := []string{
		"Кластердің қазіргі жағдайы", "Кластерге қатысушылар", "Өңірдің бәсекелестік артықшылықтары",
		"Кластерді дамытудың мақсаттары мен міндеттері", "Бірлескен жобалар", "Кадрлар даярлау",
		"Инфрақұрылым", "Қаржыландыру көздері", "Күтілетін нәтижелер", "Тәуекелдер",
	}
	for i, title := range sections {
		if i > 0 {
			concept.Blocks = append(concept.Blocks, document.PageBreak{})
		}
		concept.Blocks = append(concept.Blocks, document.Heading{Level: 2, Text: fmt.Sprintf("%d. %s", i+1, title)})
		for range 5 {
			concept.Blocks = append(concept.Blocks, para("Кластер Павлодар облысының металлургия және "+
				"машина жасау кәсіпорындарын, ғылыми ұйымдарды және жоғары оқу орындарын біріктіреді. "+
				"Бұл бөлімде кластердің даму деңгейі, қатысушылардың өзара іс-қимылы және өңірдің "+
				"экономикасына қосатын үлесі сипатталады."))
		}
	}
	concept.Blocks = append(concept.Blocks, document.PageBreak{Landscape: true},
		document.Heading{Level: 2, Text: "11. Негізгі көрсеткіштер"}, exampleTable())

	conclusion := &document.Document{Kind: "example_conclusion", Lang: "kk",
		Title: "Павлодар облысы әкімдігінің қорытындысы"}
	conclusion.Blocks = append(conclusion.Blocks,
		document.AnnexHeader{Lines: []string{"Аумақтық кластерлерге конкурстық", "іріктеу жүргізу қағидаларына", "3-қосымша"}},
		document.Heading{Level: 1, Text: "Павлодар облысы әкімдігінің қорытындысы"})
	for range 8 {
		conclusion.Blocks = append(conclusion.Blocks, para("Павлодар облысының жергілікті атқарушы органы "+
			"ұсынылған тұжырымдаманы қарап, кластердің өңірдің даму басымдықтарына сәйкес келетінін "+
			"және оны одан әрі дамыту үшін жағдайлар бар екенін растайды."))
	}
	conclusion.Blocks = append(conclusion.Blocks, document.PageBreak{},
		para("Қорытынды өтінім тіркелген күннен бастап бес жұмыс күні ішінде берілді."),
		document.SignatureBlock{Position: "Облыс әкімінің орынбасары", Name: "Қасымов Б. Т.",
			SignatureCaption: "(қолы)", NameCaption: "(Т.А.Ә.)", Seal: "М.О."})

	stats := &document.Document{Kind: "example_statistics", Lang: "ru",
		Title: "Статистические показатели участников кластера"}
	stats.Blocks = append(stats.Blocks,
		document.Heading{Level: 1, Text: "Статистические показатели участников кластера"},
		para("Данные территориального органа статистики по Павлодарской области за 2023–2025 годы."),
		document.PageBreak{Landscape: true}, exampleTable(),
		document.PageBreak{}, para("Источник: Бюро национальной статистики."))
	return map[string]*document.Document{
		"concept.pdf":            concept,
		"akimat-conclusion.pdf":  conclusion,
		"cluster-statistics.pdf": stats,
	}
}

func exampleTable() document.Table {
	t := document.Table{Widths: []float64{30, 14, 14, 14, 14, 14}, HeaderRows: 1,
		Rows: []document.Row{{Cells: []document.Cell{{Text: "Көрсеткіш / Показатель", Bold: true},
			{Text: "2021", Bold: true}, {Text: "2022", Bold: true}, {Text: "2023", Bold: true},
			{Text: "2024", Bold: true}, {Text: "2025", Bold: true}}}}}
	for i, name := range []string{"Қатысушылар саны / Число участников", "Жұмыс орындары / Рабочие места",
		"Өндіріс көлемі, млрд теңге / Объём производства, млрд тенге", "Экспорт, млн АҚШ доллары / Экспорт, млн долларов США"} {
		row := document.Row{Cells: []document.Cell{{Text: name}}}
		for y := range 5 {
			row.Cells = append(row.Cells, document.Cell{Text: fmt.Sprint((i+1)*37 + y*11), Align: document.AlignRight})
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// TestExampleAttachments proves the committed example PDFs are konkurs's
// own output: regenerating them gives the same text.
func TestExampleAttachments(t *testing.T) {
	for name, doc := range exampleAttachments() {
		var buf bytes.Buffer
		if _, err := (pdf.Writer{}).Write(&buf, doc); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		path := filepath.Join(examplesDir, "attachments", name)
		if *updateExamples {
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if _, err := os.Stat(path); err != nil {
			t.Fatalf("%v (run with -update-examples)", err)
		}
		// Compared by their words, so that a layout tweak in the PDF writer
		// does not fail this test while a change of content does.
		fresh := writeTemp(t, t.TempDir(), name, buf.Bytes())
		committed := strings.Fields(strings.Join(pageTexts(t, path), " "))
		if !slices.Equal(committed, strings.Fields(strings.Join(pageTexts(t, fresh), " "))) {
			t.Errorf("%s no longer matches its source in this test; run with -update-examples", path)
		}
	}
}
