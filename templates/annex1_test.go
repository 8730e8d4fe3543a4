package templates_test

import (
	"bytes"
	"testing"

	"github.com/konkurs/konkurs/catalog"
	"github.com/konkurs/konkurs/competition"
	"github.com/konkurs/konkurs/internal/doctest"
	"github.com/konkurs/konkurs/pipeline/document"
	"github.com/konkurs/konkurs/pipeline/docx"
	"github.com/konkurs/konkurs/pipeline/pdf"
	"github.com/konkurs/konkurs/templates"
)

// The seed's phrases of Annexes 1 and 4, in the order the forms print them;
// the Russian lists are their translations. They live here, not read from
// the seed, so the tests stand alone.
var applicationPhrases = map[string]map[catalog.Lang][]string{
	"annex1": {
		catalog.KK: {
			"Аумақтық кластерлерге", "конкурстық іріктеу жүргізу", "қағидаларына", "1-қосымша",
			"Индустриялық-инновациялық қызметті мемлекеттік қолдау саласындағы уәкілетті орган",
			"Аумақтық кластерлерді бірінші конкурстық іріктеуге қатысуға арналған өтінім",
			"Өтінімді тіркеуді өтінемін:",
			"(аумақтық кластердің атауы)",
			"(аумақтық кластерлерді конкурстық іріктеуге қатысу үшін конкурстың бірінші кезеңіне қатысушының атауы)",
			"(өтініш берушінің атынан құжаттарға қол қоюға өкілеттігі бар адамның лауазымы)",
			"(қолы)", "(Т.А.Ә.)", "Қабылдады:", "Қолы:", "қабылдау күні",
			"(өтінімді қабылдаған адамның Т.А.Ә.)", "осы өтінімнің көшірмесі өтініш берушіге беріледі",
		},
		catalog.RU: {
			"Приложение 1", "к Правилам проведения", "конкурсного отбора", "территориальных кластеров",
			"Уполномоченный орган в области государственной поддержки индустриально-инновационной деятельности",
			"Заявка на участие в первом конкурсном отборе территориальных кластеров",
			"Прошу зарегистрировать заявку:",
			"(наименование территориального кластера)",
			"(наименование участника первого этапа конкурса для участия в конкурсном отборе территориальных кластеров)",
			"(должность лица, имеющего полномочия подписывать документы от имени заявителя)",
			"(подпись)", "(Ф.И.О.)", "Принял:", "Подпись:", "дата приема",
			"(Ф.И.О. лица, принявшего заявку)", "копия настоящей заявки выдается заявителю",
		},
	},
	"annex4": {
		catalog.KK: {
			"4-қосымша",
			"Индустриялық-инновациялық қызметті мемлекеттік қолдау саласындағы уәкілетті орган",
			"Аумақтық кластерлерді конкурстық іріктеудің екінші кезеңіне қатысуға өтінім",
			"(аумақтық кластердің атауы)", "(конкурстың екінші кезеңіне қатысушының атауы)",
			"осы өтінімді аумақтық кластерлерді конкурстық іріктеудің екінші кезеңіне қатысу үшін қажетті құжаттар топтамасын жібереді.",
			"(өтініш берушінің атынан құжаттарға қол қоюға өкілеттігі бар адамның лауазымы)",
			"Қабылдады:", "осы өтінімнің көшірмесі өтініш берушіге беріледі",
		},
		catalog.RU: {
			"Приложение 4",
			"Уполномоченный орган в области государственной поддержки индустриально-инновационной деятельности",
			"Заявка на участие во втором этапе конкурсного отбора территориальных кластеров",
			"(наименование территориального кластера)", "(наименование участника второго этапа конкурса)",
			"настоящей заявкой направляет пакет документов, необходимых для участия во втором этапе конкурсного отбора территориальных кластеров.",
			"(должность лица, имеющего полномочия подписывать документы от имени заявителя)",
			"Принял:", "копия настоящей заявки выдается заявителю",
		},
	},
}

// inputValues are the example's values each language's document must print.
var inputValues = map[string]map[catalog.Lang][]string{
	"annex1": {
		catalog.KK: {"Павлодар металлургия аумақтық кластері", "«Павлодар облысының кәсіпкерлер палатасы» мекемесі", "Директор", "Ахметов Ерлан Сәкенұлы", "01-12/0147", "2026 жылғы 12 наурыз", "Жұмабаева Айгүл Нұрланқызы"},
		catalog.RU: {"Павлодарский металлургический территориальный кластер", "Учреждение «Палата предпринимателей Павлодарской области»", "Директор", "Ахметов Ерлан Сәкенұлы", "01-12/0147", "«12» марта 2026 года"},
	},
	"annex4": {
		catalog.KK: {"«Павлодар металлургтері» кластерлік қауымдастығы", "Басқарма төрағасы", "Сейітов Нұрлан Болатұлы"},
		catalog.RU: {"Кластерная ассоциация «Металлурги Павлодара»", "Председатель правления", "Сейітов Нұрлан Болатұлы"},
	},
}

func renderBoth(t testing.TB, kind string, input any, lang catalog.Lang, blank bool) (pdfData, docxData []byte, pages int) {
	t.Helper()
	k, err := templates.Lookup(kind)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := k.Build(input, lang, templates.BuildOptions{Blank: blank})
	if err != nil {
		t.Fatal(err)
	}
	var p, d bytes.Buffer
	res, err := pdf.Writer{}.Write(&p, doc)
	if err != nil {
		t.Fatalf("pdf: %v", err)
	}
	if _, err := (docx.Writer{}).Write(&d, doc); err != nil {
		t.Fatalf("docx: %v", err)
	}
	return p.Bytes(), d.Bytes(), res.Pages
}

func loadExample(t testing.TB, kind string) any {
	t.Helper()
	k, err := templates.Lookup(kind)
	if err != nil {
		t.Fatal(err)
	}
	in, err := templates.LoadInput(k, "../examples/"+k.ExampleFile(), k.ExampleApplication)
	if err != nil {
		t.Fatalf("example of %s: %v", kind, err)
	}
	return in
}

func TestApplicationFormsPrintTheSeedAndTheInput(t *testing.T) {
	for _, kind := range []string{"annex1", "annex4"} {
		for _, lang := range catalog.DocumentLangs {
			t.Run(kind+"/"+string(lang), func(t *testing.T) {
				pdfData, docxData, pages := renderBoth(t, kind, loadExample(t, kind), lang, false)
				pdfText, docxText := doctest.PDFText(t, pdfData), doctest.DOCXText(t, docxData)
				doctest.AssertInOrder(t, "PDF", pdfText, applicationPhrases[kind][lang])
				doctest.AssertInOrder(t, "DOCX", docxText, applicationPhrases[kind][lang])
				doctest.AssertContains(t, "PDF", pdfText, inputValues[kind][lang]...)
				doctest.AssertContains(t, "DOCX", docxText, inputValues[kind][lang]...)
				if got := doctest.PDFPages(t, pdfData); got != pages {
					t.Errorf("writer reported %d pages, pdfinfo counts %d", pages, got)
				}
				// The DOCX must open in LibreOffice and lay out like our PDF.
				lo := doctest.LibreOfficePDF(t, docxData)
				if loPages := doctest.PDFPages(t, lo); loPages < pages-1 || loPages > pages+1 {
					t.Errorf("LibreOffice lays the DOCX out on %d pages, our PDF has %d", loPages, pages)
				}
				doctest.AssertInOrder(t, "LibreOffice PDF", doctest.PDFText(t, lo), applicationPhrases[kind][lang])
			})
		}
	}
}

func TestBlankFormsHaveCaptionsAndNoValues(t *testing.T) {
	for _, lang := range catalog.DocumentLangs {
		pdfData, docxData, _ := renderBoth(t, "annex1", &competition.ApplicationForm{}, lang, true)
		text := doctest.PDFText(t, pdfData)
		doctest.AssertInOrder(t, "blank PDF", text, applicationPhrases["annex1"][lang])
		doctest.AssertInOrder(t, "blank DOCX", doctest.DOCXText(t, docxData), applicationPhrases["annex1"][lang])
		for _, v := range inputValues["annex1"][lang] {
			if bytes.Contains([]byte(text), []byte(v)) {
				t.Errorf("%s blank form prints input value %q", lang, v)
			}
		}
	}
}

func TestCaseFileApplicationRendersAsAnnex1(t *testing.T) {
	k, _ := templates.Lookup("annex1")
	in, err := templates.LoadInput(k, "../examples/competition.yaml", "A-02")
	if err != nil {
		t.Fatal(err)
	}
	pdfData, _, _ := renderBoth(t, "annex1", in, catalog.RU, false)
	doctest.AssertContains(t, "PDF", doctest.PDFText(t, pdfData),
		"Министерство промышленности и строительства Республики Казахстан",
		"Южно-Казахстанский фармацевтический территориальный кластер", "01-12/0152", "«16» марта 2026 года")
	if _, err := templates.LoadInput(k, "../examples/competition.yaml", "A-99"); err == nil {
		t.Error("an unknown application must be refused")
	}
}

var _ document.Writer = pdf.Writer{}
var _ document.Writer = docx.Writer{}
