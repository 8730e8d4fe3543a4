package docx

import (
	"fmt"

	"github.com/konkurs/konkurs/pipeline/document"
)

// formTexts are the phrases of the sample form in one language; the tests
// look for them in the XML and in LibreOffice's PDF.
type formTexts struct {
	annex      []string
	addressee  string
	title      string
	intro      string
	labels     []string // fill-in line captions
	values     []string
	position   string
	name       string
	signCap    string
	nameCap    string
	seal       string
	date       string
	received   string
	tableTitle string
	headers    []string
	landscape  string
	letters    string // every letter of the alphabet, upper and lower case
}

var texts = map[string]formTexts{
	"kk": {
		annex:      []string{"Аумақтық кластерлерге конкурстық", "іріктеу жүргізу қағидаларына", "1-қосымша"},
		addressee:  "Конкурсты ұйымдастырушыға",
		title:      "Конкурстың бірінші кезеңіне қатысуға өтінім",
		intro:      "Осы өтініммен аумақтық кластерлерге арналған конкурстық іріктеуге қатысуға рұқсат беруіңізді сұраймын. Ұсынылған мәліметтердің дұрыстығын растаймын.",
		labels:     []string{"(заңды тұлғаның атауы)", "(бизнес-сәйкестендіру нөмірі)", "(аумақтық кластердің атауы)", "(мекенжайы және телефоны)"},
		values:     []string{"«Қазақ Өнеркәсіп» жауапкершілігі шектеулі серіктестігі", "123456789012", "Шығыс Қазақстан тау-кен кластері", ""},
		position:   "Заңды тұлғаның бірінші басшысы",
		name:       "Әбілқасымов Ғалым Өмірұлы",
		signCap:    "(қолы)",
		nameCap:    "(Т.А.Ә.)",
		seal:       "М.О.",
		date:       "2026 жылғы 25 қарашадағы",
		received:   "Қабылдады: Қолы, №, қабылдау күні",
		tableTitle: "Кластерге қатысушылардың тізбесі",
		headers:    []string{"Р/с №", "Қатысушының атауы", "Көрсеткіштер", "Саны", "Үлесі, %"},
		landscape:  "Кесте альбомдық бетте басылады",
		letters:    "Әә Ғғ Ққ Ңң Өө Ұұ Үү Һһ Іі",
	},
	"ru": {
		annex:      []string{"Приложение 1", "к Правилам проведения конкурсного", "отбора территориальных кластеров"},
		addressee:  "Организатору конкурса",
		title:      "Заявка на участие в первом этапе конкурса",
		intro:      "Настоящей заявкой прошу допустить к участию в конкурсном отборе территориальных кластеров. Достоверность представленных сведений подтверждаю.",
		labels:     []string{"(наименование юридического лица)", "(бизнес-идентификационный номер)", "(наименование территориального кластера)", "(адрес и телефон)"},
		values:     []string{"Товарищество с ограниченной ответственностью «Казахская промышленность»", "123456789012", "Восточно-Казахстанский горнодобывающий кластер", ""},
		position:   "Первый руководитель юридического лица",
		name:       "Абилкасымов Галым Омирович",
		signCap:    "(подпись)",
		nameCap:    "(Ф.И.О.)",
		seal:       "М.П.",
		date:       "«25» ноября 2026 года",
		received:   "Принял: подпись, №, дата приема",
		tableTitle: "Перечень участников кластера",
		headers:    []string{"№ п/п", "Наименование участника", "Показатели", "Количество", "Доля, %"},
		landscape:  "Таблица печатается на альбомной странице",
		letters:    "Ёё Жж Щщ Ъъ Ыы Ээ Юю Яя",
	},
}

// smallForm is a one-page application form shaped like Annex 1.
func smallForm(lang string) *document.Document {
	tx := texts[lang]
	doc := &document.Document{Kind: "annex1", Lang: lang, Title: tx.title}
	doc.Blocks = append(doc.Blocks,
		document.AnnexHeader{Lines: tx.annex},
		document.Paragraph{Runs: []document.Run{{Text: tx.addressee}}, Align: document.AlignRight},
		document.Spacer{HeightPt: 12},
		document.Heading{Text: tx.title, Level: 1},
		document.Justified(tx.intro),
	)
	for i, caption := range tx.labels {
		doc.Blocks = append(doc.Blocks, document.FillLine{Value: tx.values[i], Caption: caption})
	}
	doc.Blocks = append(doc.Blocks,
		document.FillLine{Label: tx.addressee + ":", Value: tx.values[1], WidthPercent: 0},
		document.Spacer{HeightPt: 18},
		document.SignatureBlock{Position: tx.position, Name: tx.name, SignatureCaption: tx.signCap, NameCaption: tx.nameCap, Seal: tx.seal, Date: tx.date},
		document.Spacer{HeightPt: 12},
		document.Paragraph{Runs: []document.Run{{Text: tx.received, Italic: true}}},
		document.FillLine{Value: "", Caption: tx.signCap, WidthPercent: 40},
	)
	return doc
}

// participantsTable has two header rows with merged cells: "Показатели"
// spans two columns, the other header cells span both header rows.
func participantsTable(lang string, rows int) document.Table {
	tx := texts[lang]
	t := document.Table{Widths: []float64{8, 42, 20, 15, 15}, HeaderRows: 2}
	t.Rows = append(t.Rows,
		document.Row{Cells: []document.Cell{
			{Text: tx.headers[0], Bold: true, Align: document.AlignCenter, RowSpan: 2},
			{Text: tx.headers[1], Bold: true, Align: document.AlignCenter, RowSpan: 2},
			{Text: tx.headers[2], Bold: true, Align: document.AlignCenter, ColSpan: 2},
			{Text: tx.headers[4], Bold: true, Align: document.AlignCenter, RowSpan: 2},
		}},
		document.Row{Cells: []document.Cell{
			{Text: tx.headers[3], Bold: true, Align: document.AlignCenter},
			{Text: "2026", Bold: true, Align: document.AlignCenter},
		}},
	)
	for i := 1; i <= rows; i++ {
		t.Rows = append(t.Rows, document.Row{Cells: []document.Cell{
			{Text: fmt.Sprint(i), Align: document.AlignCenter},
			{Text: fmt.Sprintf("%s %d\n%s", tx.values[2], i, tx.letters)},
			{Text: fmt.Sprint(i * 7), Align: document.AlignRight},
			{Text: fmt.Sprint(i * 3), Align: document.AlignRight},
			{Text: fmt.Sprintf("%d,%d", i%100, i%10), Align: document.AlignRight},
		}})
	}
	return t
}

// fullSample exercises every block type, both orientations and every table
// feature, in one language.
func fullSample(lang string) *document.Document {
	tx := texts[lang]
	doc := smallForm(lang)
	doc.Footer = tx.tableTitle
	tbl := participantsTable(lang, 12)
	// A cell merged down over three body rows: the rows below omit it.
	tbl.Rows[3].Cells[4].RowSpan = 3
	tbl.Rows[4].Cells = tbl.Rows[4].Cells[:4]
	tbl.Rows[5].Cells = tbl.Rows[5].Cells[:4]
	tbl.Rows[6].Cells[1].Runs = []document.Run{{Text: tx.name, Bold: true}, {Text: " — "}, {Text: tx.position, Italic: true}}
	doc.Blocks = append(doc.Blocks,
		document.PageBreak{},
		document.Heading{Text: tx.tableTitle, Level: 2},
		document.Paragraph{Runs: []document.Run{
			{Text: tx.letters + " ", Bold: true},
			{Text: "<&> \"" + tx.addressee + "\"", Italic: true},
			{Text: " " + tx.seal, Underline: true},
		}, Align: document.AlignJustify, FirstLineIndent: true, KeepWithNext: true, SpaceBeforePt: 6, SpaceAfterPt: 6},
		tbl,
		document.Heading{Text: tx.letters, Level: 3},
		document.Paragraph{Runs: []document.Run{{Text: tx.intro}}, IndentMM: 20, Size: 12, Align: document.AlignLeft},
		document.PageBreak{Landscape: true},
		document.Heading{Text: tx.landscape, Level: 2},
		participantsTable(lang, 5),
		document.Table{Widths: []float64{1, 1}, Borderless: true, Size: 10, Rows: []document.Row{{Cells: []document.Cell{{Text: tx.position}, {Text: tx.name, Align: document.AlignRight}}}}},
		document.PageBreak{Landscape: false},
		document.Paragraph{Runs: []document.Run{{Text: tx.received}}, Align: document.AlignCenter},
	)
	return doc
}

// longDocument is about 25 pages of text and tables.
func longDocument(lang string) *document.Document {
	tx := texts[lang]
	doc := &document.Document{Kind: "report", Lang: lang, Title: tx.title}
	for section := 1; section <= 8; section++ {
		doc.Blocks = append(doc.Blocks, document.Heading{Text: fmt.Sprintf("%d. %s", section, tx.title), Level: 2})
		for i := 0; i < 6; i++ {
			doc.Blocks = append(doc.Blocks, document.Justified(tx.intro+" "+tx.intro+" "+tx.intro))
		}
		doc.Blocks = append(doc.Blocks, participantsTable(lang, 40))
	}
	return doc
}
