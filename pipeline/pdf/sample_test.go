package pdf

import (
	"fmt"

	"github.com/konkurs/konkurs/pipeline/document"
)

// longKazakhParagraph is a justified paragraph long enough to wrap over many
// lines; every word must come out of pdftotext.
const longKazakhParagraph = "Аумақтық кластерлерге конкурстық іріктеу екі кезеңде өткізіледі. " +
	"Бірінші кезеңде қатысушылар өтінімді белгіленген нысан бойынша ұсынады, ал конкурсты ұйымдастырушы " +
	"өтінімдерді тіркеп, олардың толықтығын тексереді. Өтінімге қоса берілетін құжаттар тізімі Қағидаларда " +
	"көрсетілген, әрбір парақ нөмірленеді және тігіледі. Үміткер ұсынған мәліметтердің дұрыстығына " +
	"өзі жауап береді; ғылыми-зерттеу ұйымдары мен жоғары оқу орындары кластердің қатысушысы бола алады. " +
	"Һ әрпі сирек кездеседі, бірақ ол да басылуы тиіс: Һижра, Һәм."

const russianParagraph = "Конкурсный отбор территориальных кластеров проводится в два этапа. " +
	"Заявка подаётся по форме согласно приложению 1 к Правилам — «в срок, установленный объявлением»… " +
	"Ёлка, съезд, подъём: буквы Ё, Ъ и Ы должны печататься без замены."

// specialLetters are the Kazakh letters and the marks the forms print.
const specialLetters = "Әә Ғғ Ққ Ңң Өө Ұұ Үү Һһ Іі Ёё № «» — …"

// sampleDocument exercises every block type with Kazakh and Russian text.
func sampleDocument() *document.Document {
	rows := []document.Row{
		{Cells: []document.Cell{{Text: "№", Bold: true, RowSpan: 2, Align: document.AlignCenter}, {Text: "Қатысушы", Bold: true, ColSpan: 2, Align: document.AlignCenter}, {Text: "Ескертпе", Bold: true, RowSpan: 2}}},
		{Cells: []document.Cell{{Text: "атауы", Bold: true}, {Text: "БСН", Bold: true}}},
	}
	for i := 1; i <= 120; i++ {
		rows = append(rows, document.Row{Cells: []document.Cell{
			{Text: fmt.Sprint(i), Align: document.AlignRight},
			{Text: fmt.Sprintf("«Өскемен-%d» жауапкершілігі шектеулі серіктестігі", i)},
			{Text: fmt.Sprintf("%012d", 100000000000+i)},
			{Text: "Құжаттар толық\nтапсырылды"},
		}})
	}
	return &document.Document{
		Kind:   "sample",
		Lang:   "kk",
		Title:  "Өтінім — Заявка",
		Footer: "Үлгі құжат / Образец документа",
		Blocks: []document.Block{
			document.AnnexHeader{Lines: []string{"Аумақтық кластерлерге конкурстық", "іріктеу жүргізу қағидаларына", "1-қосымша"}},
			document.Heading{Text: "Бірінші кезеңге қатысуға өтінім", Level: 1},
			document.FillLine{Value: "«Алатау инновация» ЖШС", Caption: "(үміткердің атауы)"},
			document.FillLine{Label: "Мекенжайы және телефоны", Value: "", Caption: "(пошта мекенжайы)"},
			document.FillLine{Label: "БСН", Value: "123456789012", WidthPercent: 40, Align: document.AlignCenter},
			document.Heading{Text: "1. Жалпы ережелер", Level: 2},
			document.Justified(longKazakhParagraph),
			document.Paragraph{Runs: []document.Run{{Text: "Қалың ", Bold: true}, {Text: "көлбеу ", Italic: true}, {Text: "асты сызылған", Underline: true}, {Text: " және қарапайым мәтін."}}, Align: document.AlignJustify, FirstLineIndent: true},
			document.Justified(russianParagraph),
			document.Paragraph{Runs: []document.Run{{Text: "regular: " + specialLetters + "\n"}, {Text: "bold: " + specialLetters + "\n", Bold: true}, {Text: "italic: " + specialLetters + "\n", Italic: true}, {Text: "bold italic: " + specialLetters, Bold: true, Italic: true}}},
			document.Spacer{HeightPt: 12},
			document.SignatureBlock{Position: "Басқарма төрағасы", Name: "Әбілқайыр Ұлықбекұлы Іргебаев", SignatureCaption: "(қолы)", NameCaption: "(Т.А.Ә.)", Seal: "М.О.", Date: "2026 жылғы 25 қарашадағы"},
			document.Table{Widths: []float64{1, 3, 2, 2}, HeaderRows: 2, Rows: rows},
			document.PageBreak{Landscape: true},
			document.Heading{Text: "Альбомдық бет", Level: 2},
			document.Table{Widths: []float64{1, 1}, Borderless: true, Rows: []document.Row{{Cells: []document.Cell{{Text: "Қабылдады:"}, {Text: "Қолы ____________"}}}}},
			document.PageBreak{},
			document.Text("Соңғы бет."),
		},
	}
}
