package pdf

import (
	"fmt"
	"io"
	"testing"

	"github.com/konkurs/konkurs/pipeline/document"
)

// smallForm is shaped like Annex 1: annex header, addressee, title, four
// fill-in lines, body text, signature and the receipt block.
func smallForm() *document.Document {
	return &document.Document{
		Kind: "annex1", Lang: "kk", Title: "Бірінші кезеңге өтінім",
		Blocks: []document.Block{
			document.AnnexHeader{Lines: []string{"Аумақтық кластерлерге конкурстық", "іріктеу жүргізу қағидаларына", "1-қосымша"}},
			document.Paragraph{Runs: []document.Run{{Text: "Конкурсты ұйымдастырушыға"}}, Align: document.AlignRight},
			document.Heading{Text: "Аумақтық кластерлерге конкурстық іріктеудің бірінші кезеңіне қатысуға өтінім", Level: 1},
			document.FillLine{Value: "«Алатау инновация» жауапкершілігі шектеулі серіктестігі", Caption: "(үміткердің толық атауы)"},
			document.FillLine{Value: "Алматы қаласы, Әл-Фараби даңғылы, 77/8", Caption: "(заңды мекенжайы)"},
			document.FillLine{Label: "БСН", Value: "040340001234", Caption: "(бизнес-сәйкестендіру нөмірі)"},
			document.FillLine{Label: "Аумақтық кластердің атауы", Value: "", Caption: "(атауы)"},
			document.Justified(longKazakhParagraph),
			document.SignatureBlock{Position: "Басқарма төрағасы", Name: "Ә. Ұ. Іргебаев", SignatureCaption: "(қолы)", NameCaption: "(Т.А.Ә.)", Seal: "М.О.", Date: "2026 жылғы 25 қарашадағы"},
			document.Paragraph{Runs: []document.Run{{Text: "Қабылдады:", Bold: true}}},
			document.FillLine{Label: "Қолы", Value: "", Caption: "(қолы)", WidthPercent: 40},
			document.FillLine{Label: "№", Value: "K-2026/0042", WidthPercent: 40},
			document.FillLine{Label: "Қабылдау күні", Value: "2026 жылғы 25 қарашадағы", WidthPercent: 60},
		},
	}
}

// twentyFivePages is justified prose with a table every few paragraphs.
func twentyFivePages() *document.Document {
	doc := &document.Document{Lang: "kk", Title: "Хаттама", Footer: "Хаттама № 1"}
	for i := 0; len(doc.Blocks) < 180; i++ {
		doc.Blocks = append(doc.Blocks, document.Heading{Text: fmt.Sprintf("%d. Бөлім", i+1), Level: 2},
			document.Justified(longKazakhParagraph), document.Justified(russianParagraph), document.Justified(longKazakhParagraph))
		if i%6 == 5 {
			t := document.Table{Widths: []float64{1, 4, 2}, HeaderRows: 1, Rows: []document.Row{{Cells: []document.Cell{{Text: "№", Bold: true}, {Text: "Қатысушы", Bold: true}, {Text: "Балл", Bold: true}}}}}
			for r := 1; r <= 12; r++ {
				t.Rows = append(t.Rows, document.Row{Cells: []document.Cell{{Text: fmt.Sprint(r)}, {Text: "«Өскемен» жауапкершілігі шектеулі серіктестігі"}, {Text: fmt.Sprint(70 + r)}}})
			}
			doc.Blocks = append(doc.Blocks, t)
		}
	}
	return doc
}

func TestBenchmarkDocumentsHaveTheirSize(t *testing.T) {
	for _, scenario := range []struct {
		name     string
		doc      *document.Document
		min, max int
	}{
		{"small form", smallForm(), 1, 2},
		{"25 pages", twentyFivePages(), 24, 26},
	} {
		t.Run(scenario.name, func(t *testing.T) {
			n, err := PageCount(scenario.doc)
			if err != nil || n < scenario.min || n > scenario.max {
				t.Errorf("PageCount = %d, %v; want %d..%d", n, err, scenario.min, scenario.max)
			}
		})
	}
}

func benchmarkWrite(b *testing.B, doc *document.Document) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := (Writer{}).Write(io.Discard, doc); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWriteSmallForm(b *testing.B) { benchmarkWrite(b, smallForm()) }
func BenchmarkWrite25Pages(b *testing.B)   { benchmarkWrite(b, twentyFivePages()) }
