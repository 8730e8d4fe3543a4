package templates_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/konkurs/konkurs/catalog"
	"github.com/konkurs/konkurs/competition"
	"github.com/konkurs/konkurs/internal/doctest"
	"github.com/konkurs/konkurs/pipeline/docx"
	"github.com/konkurs/konkurs/pipeline/pdf"
	"github.com/konkurs/konkurs/templates"
	"github.com/konkurs/konkurs/wording"
)

// procRendered is one procedure document in one language, both formats,
// with the extracted texts.
type procRendered struct {
	pdf, docx         []byte
	pdfText, docxText string
}

func procInput(t testing.TB, kind, example, application string) any {
	t.Helper()
	k, err := templates.Lookup(kind)
	if err != nil {
		t.Fatal(err)
	}
	in, err := templates.LoadInput(k, filepath.Join("..", "examples", example), application)
	if err != nil {
		t.Fatalf("%s from %s: %v", kind, example, err)
	}
	return in
}

func procRender(t testing.TB, kind string, in any, lang catalog.Lang) procRendered {
	t.Helper()
	k, _ := templates.Lookup(kind)
	doc, err := k.Build(in, lang, templates.BuildOptions{})
	if err != nil {
		t.Fatalf("%s %s: %v", kind, lang, err)
	}
	var p, d bytes.Buffer
	if _, err := (pdf.Writer{}).Write(&p, doc); err != nil {
		t.Fatalf("%s %s PDF: %v", kind, lang, err)
	}
	if _, err := (docx.Writer{}).Write(&d, doc); err != nil {
		t.Fatalf("%s %s DOCX: %v", kind, lang, err)
	}
	return procRendered{pdf: p.Bytes(), docx: d.Bytes(), pdfText: doctest.PDFText(t, p.Bytes()), docxText: doctest.DOCXText(t, d.Bytes())}
}

// procCase is one document of an example with the phrases each language
// must show, in order, and the sections that must not name some entries.
type procCase struct {
	kind, example, application string
	kk, ru                     []string // in this order
	anyKK, anyRU               []string // anywhere (table cells: PDF text runs column by column)
	absentKK, absentRU         []section
}

// section is the text between two phrases that must not contain any of absent.
type section struct {
	from, to string
	absent   []string
}

var (
	pavlodarKK, pavlodarRU   = "«Павлодар облысының кәсіпкерлер палатасы» мекемесі", "Учреждение «Палата предпринимателей Павлодарской области»"
	shymkentKK, shymkentRU   = "«Shymkent» әлеуметтік-кәсіпкерлік корпорациясы» АҚ", "АО «Социально-предпринимательская корпорация «Shymkent»"
	almatyKK, almatyRU       = "«Алматы облысының азық-түлік өндірушілері қауымдастығы»", "«Ассоциация производителей продовольствия Алматинской области»"
	astanaKK, astanaRU       = "«Астана – жаңа қала»", "«Астана – новый город»"
	karagandaKK, karagandaRU = "«Қарағанды облысының кәсіпкерлер палатасы» мекемесі", "Учреждение «Палата предпринимателей Карагандинской области»"
	eastKK, eastRU           = "«Шығыс машина жасау кластері» кластерлік қауымдастығы", "Кластерная ассоциация «Восточный машиностроительный кластер»"
)

func procCases() []procCase {
	return []procCase{
		{kind: "announcement", example: "competition.yaml",
			kk: []string{"ХАБАРЛАНДЫРУ", "2026 жылғы 12 қаңтар", "№ 535", "14-тармағы", "6-тармағы", "7-тармағы", "9-тармағы",
				"2026 жылғы 20 наурыз (қоса алғанда)", "13-тармағы", "2026 жылғы 30 қыркүйек", "10-тармағы", "күнтізбелік 67 күн бұрын", "4-5-тармақтары"},
			ru: []string{"ОБЪЯВЛЕНИЕ", "«12» января 2026 года", "№ 535", "пункт 14 Правил", "пункт 6 Правил", "пункт 7 Правил", "пункт 9 Правил",
				"20 марта 2026 года (включительно)", "пункт 13 Правил", "30 сентября 2026 года", "пункт 10 Правил", "календарных дней до окончания срока приема заявок: 67", "пункты 4–5 Правил"}},
		{kind: "receipt", example: "competition.yaml", application: "A-01",
			kk: []string{"Конкурстық өтінімді тіркеу туралы қолхат", "01-12/0147", "2026 жылғы 12 наурыз", "10:30", "бірінші", pavlodarKK, "150340001236",
				"9-тармағы", "2026 жылғы 20 наурыз", "13-тармағы", "Жұмабаева Айгүл Нұрланқызы", "Ахметов Ерлан Сәкенұлы"},
			ru: []string{"Расписка о регистрации конкурсной заявки", "01-12/0147", "12 марта 2026 года", "10:30", "первый", pavlodarRU, "150340001236",
				"пункт 9 Правил", "20 марта 2026 года", "пункт 13 Правил", "Жұмабаева Айгүл Нұрланқызы", "Ахметов Ерлан Сәкенұлы"}},
		{kind: "stage1-admission", example: "competition.yaml",
			kk: []string{"ХАТТАМА № 1", "2026 жылғы 27 наурыз", "Исмаилов Тимур Ринатович", "Күн тәртібі", "15-тармағына", "Барлығы 5 өтінім",
				"ШЕШІЛДІ", "15-тармағы", "1) " + pavlodarKK, "2) " + shymkentKK, "3) " + almatyKK, "4) " + astanaKK,
				"16-тармағы", "1) " + karagandaKK, "01-12/0177", "17-тармағы"},
			ru: []string{"ПРОТОКОЛ № 1", "«27» марта 2026 года", "Исмаилов Тимур Ринатович", "Повестка дня", "пунктом 15 Правил", "Всего зарегистрировано заявок: 5",
				"РЕШИЛИ", "пункт 15 Правил", "1) " + pavlodarRU, "2) " + shymkentRU, "3) Объединение юридических лиц " + almatyRU, "4) Управляющая компания специальной экономической зоны " + astanaRU,
				"пункт 16 Правил", "1) " + karagandaRU, "01-12/0177", "пункт 17 Правил"},
			absentKK: []section{{"ШЕШІЛДІ", "2. Қағидалардың 6-тармағында", []string{karagandaKK}}},
			absentRU: []section{{"РЕШИЛИ", "2. Вернуть заявки", []string{karagandaRU}}}},
		{kind: "return-notice", example: "competition.yaml", application: "A-04",
			kk: []string{"№ 01-12/0177", karagandaKK, "Сейітов Марат Болатұлы", "Конкурстық өтінімді қайтару туралы", "тіркеу нөмірі № 01-12/0163, тіркелген күні – 2026 жылғы 20 наурыз",
				"6-тармағында", "16-тармағына", "1) Өтінімде", "3-қосымша", "2) Тұжырымдамадағы", "Исмаилов Тимур Ринатович"},
			ru: []string{"№ 01-12/0177", karagandaRU, "Сейітов Марат Болатұлы", "О возврате конкурсной заявки", "20 марта 2026 года за № 01-12/0163",
				"пункта 6 Правил", "пунктом 16 Правил", "1) В заявке отсутствует", "приложение 3", "2) Сведения об участниках", "Исмаилов Тимур Ринатович"}},
		{kind: "stage1-review", example: "competition.yaml",
			kk: []string{"ХАТТАМА № 2", "2026 жылғы 14 мамыр", "22-тармағына", "4 өтінімнің", "17, 21-тармақтары", "Сәйкес келмейді", "05-11/1409",
				"20-21-тармақтары", "ең азы 0, ең көбі 5 балл", "62", "59", "52", "44", "1.1–1.3", "4.1–4.2",
				"3. Жиналған баллдар бойынша рейтинг", "23-тармағы"},
			ru: []string{"ПРОТОКОЛ № 2", "«14» мая 2026 года", "пунктом 22 Правил", "рассмотрению (заявок: 4)", "пункты 17, 21 Правил", "Не соответствует", "05-11/1409",
				"пункты 20–21 Правил", "от 0 до 5 баллов", "62", "59", "52", "44", "1.1–1.3", "4.1–4.2",
				"3. Рейтинг по набранным баллам", "пункт 23 Правил"},
			absentKK: []section{{"ТЫҢДАЛДЫ", "ШЕШІЛДІ", []string{karagandaKK}}},
			absentRU: []section{{"СЛУШАЛИ", "РЕШИЛИ", []string{karagandaRU}}}},
		{kind: "stage1-minutes", example: "competition.yaml",
			kk: []string{"Қазақстан Республикасын өнеркәсіптік дамыту жөніндегі комиссия", "ХАТТАМА № 3", "2026 жылғы 25 мамыр", "Отырыс өткізілген күн – 2026 жылғы 22 мамыр",
				"Бекенов Нұрлан Асқарұлы", "Әлібекова Жанар Мұратқызы", "2026 жылғы 14 мамырдағы № 2", "50 балл болып айқындалсын", "24-тармағы",
				"кемінде 50 балл болған", "Павлодар облысының", "Shymkent", "Алматы облысының", "ең аз мәннен (50 балл) төмен", "жаңа қала",
				"16-тармағына", karagandaKK, "2026 жылғы 14 тамыз", "26-тармағы", "2026 жылғы 30 қыркүйек", "25-тармағы"},
			ru: []string{"Комиссия по промышленному развитию Республики Казахстан", "ПРОТОКОЛ № 3", "«25» мая 2026 года", "Заседание состоялось 22 мая 2026 года",
				"Бекенов Нұрлан Асқарұлы", "Әлібекова Жанар Мұратқызы", "от 14 мая 2026 года № 2", "50 баллов", "пункт 24 Правил",
				"не менее 50 баллов", "Павлодарской области", "Shymkent", "Алматинской области", "менее 50 баллов", "новый город",
				"пунктом 16 Правил", karagandaRU, "14 августа 2026 года", "пункт 26 Правил", "30 сентября 2026 года", "пункт 25 Правил"},
			absentKK: []section{{"кемінде 50 балл болған", "ең аз мәннен (50 балл) төмен", []string{"жаңа қала", "Қарағанды"}}},
			absentRU: []section{{"не менее 50 баллов", "менее 50 баллов:", []string{"новый город", "Карагандинской"}}}},
		{kind: "stage2-admission", example: "competition.yaml",
			kk: []string{"ХАТТАМА № 4", "2026 жылғы 6 қазан", "31-тармағына", "2026 жылғы 30 қыркүйек", "8-тармақ", "Барлығы 3 өтінім",
				"1) " + pavlodarKK, "2) " + shymkentKK, "3) " + eastKK, "32-тармағы", "Жоқ.", "33-тармағы"},
			ru: []string{"ПРОТОКОЛ № 4", "«6» октября 2026 года", "пунктом 31 Правил", "30 сентября 2026 года", "пунктом 8", "Всего зарегистрировано заявок: 3",
				"1) " + pavlodarRU, "2) " + shymkentRU, "3) " + eastRU, "пункт 32 Правил", "Нет.", "пункт 33 Правил"}},
		{kind: "stage2-review", example: "competition.yaml",
			kk: []string{"ХАТТАМА № 5", "2026 жылғы 28 қазан", "36-тармағына", "3 өтінімнің", "29-тармақ", "33-тармақ", "34-35-тармақтар",
				"62 балл", "Қатыспаған (8-тармақ)", "05-11/3350", "37-тармағы"},
			ru: []string{"ПРОТОКОЛ № 5", "«28» октября 2026 года", "пунктом 36 Правил", "рассмотрению (заявок: 3)", "пункт 29", "пункт 33", "пункты 34–35",
				"62 балла", "Не участвовал (пункт 8)", "05-11/3350", "пункт 37 Правил"}},
		{kind: "stage2-minutes", example: "competition.yaml",
			kk: []string{"ХАТТАМА № 6", "2026 жылғы 10 қараша", "Смағұлова Дина Ержанқызы", "2026 жылғы 28 қазандағы № 5", "38-тармағы",
				"1) " + pavlodarKK, "2) " + eastKK, "350 000 000 (үш жүз елу миллион) теңге", "470 500 000 (төрт жүз жетпіс миллион бес жүз мың) теңге",
				"210 000 000 (екі жүз он миллион) теңге", "680 500 000 (алты жүз сексен миллион бес жүз мың) теңге",
				"1) " + shymkentKK, "39-тармағы", "Төрағалық етуші, төрағаның орынбасары"},
			ru: []string{"ПРОТОКОЛ № 6", "«10» ноября 2026 года", "Смағұлова Дина Ержанқызы", "от 28 октября 2026 года № 5", "пункт 38 Правил",
				"1) " + pavlodarRU, "2) " + eastRU, "350 000 000 (триста пятьдесят миллионов) тенге", "470 500 000 (четыреста семьдесят миллионов пятьсот тысяч) тенге",
				"210 000 000 (двести десять миллионов) тенге", "680 500 000 (шестьсот восемьдесят миллионов пятьсот тысяч) тенге",
				"1) " + shymkentRU, "пункт 39 Правил", "Председательствующий, заместитель председателя"}},
		{kind: "results", example: "competition.yaml",
			kk:    []string{"ХАБАРЛАНДЫРУ", "2026 жылғы 13 қараша", "2026 жылғы 10 қарашадағы № 6", "40-тармағы", "5 өтінім", "3 өтінім екінші кезеңге", "3 өтінім"},
			ru:    []string{"ОБЪЯВЛЕНИЕ", "«13» ноября 2026 года", "от 10 ноября 2026 года № 6", "пункт 40 Правил", "подано заявок: 5", "второму этапу: 3", "подано заявок: 3"},
			anyKK: []string{pavlodarKK, "470 500 000 (төрт жүз жетпіс миллион бес жүз мың) теңге", eastKK, "210 000 000 (екі жүз он миллион) теңге", "Шығыс Қазақстан облысы"},
			anyRU: []string{pavlodarRU, "470 500 000 (четыреста семьдесят миллионов пятьсот тысяч) тенге", eastRU, "210 000 000 (двести десять миллионов) тенге", "Восточно-Казахстанская область"}},
		{kind: "announcement", example: "failed-competition.yaml",
			kk:       []string{"ХАБАРЛАНДЫРУ", "2027 жылғы 11 қаңтар", "2027 жылы", "2027 жылғы 19 наурыз (қоса алғанда)", "13-тармағы", "күнтізбелік 67 күн бұрын"},
			ru:       []string{"ОБЪЯВЛЕНИЕ", "«11» января 2027 года", "в 2027 году", "19 марта 2027 года (включительно)", "пункт 13 Правил", "календарных дней до окончания срока приема заявок: 67"},
			absentKK: []section{{"Өтінімдерді қабылдау мерзімдері", "10-тармағы", []string{"Екінші кезеңге өтінімдерді қабылдау мерзімі"}}},
			absentRU: []section{{"Сроки приема заявок", "пункт 10 Правил", []string{"Срок приема заявок на второй этап"}}}},
		{kind: "receipt", example: "failed-competition.yaml", application: "B-02",
			kk: []string{"01-12/0036", "2027 жылғы 18 наурыз", "17:20", karagandaKK, "9-тармағы", "жоқ", "даналардың бәрі ұсынылмаған", "2027 жылғы 19 наурыз"},
			ru: []string{"01-12/0036", "18 марта 2027 года", "17:20", karagandaRU, "пункт 9 Правил", "нет", "Представлены не все экземпляры", "19 марта 2027 года"}},
		{kind: "stage1-admission", example: "failed-competition.yaml",
			kk: []string{"ХАТТАМА № 1", "2027 жылғы 26 наурыз", "Барлығы 2 өтінім", "ШЕШІЛДІ", "1) " + pavlodarKK, "16-тармағы", "1) " + karagandaKK,
				"01-12/0049", "екеуден аз (1)", "41-тармағына", "өтпеді деп танылсын"},
			ru: []string{"ПРОТОКОЛ № 1", "«26» марта 2027 года", "Всего зарегистрировано заявок: 2", "РЕШИЛИ", "1) " + pavlodarRU, "пункт 16 Правил", "1) " + karagandaRU,
				"01-12/0049", "менее двух (1)", "признать конкурс несостоявшимся", "пунктом 41 Правил"},
			absentKK: []section{{"ШЕШІЛДІ", "2. Қағидалардың 6-тармағында", []string{karagandaKK}}},
			absentRU: []section{{"РЕШИЛИ", "2. Вернуть заявки", []string{karagandaRU}}}},
		{kind: "return-notice", example: "failed-competition.yaml", application: "B-02",
			kk: []string{"№ 01-12/0049", karagandaKK, "01-12/0036", "16-тармағына", "1) Өтінімде", "2-қосымша", "2) Өтінімнің электрондық"},
			ru: []string{"№ 01-12/0049", karagandaRU, "01-12/0036", "пунктом 16 Правил", "1) В заявке отсутствует концепция", "приложение 2", "2) Не представлен экземпляр"}},
		{kind: "failed-notice", example: "failed-competition.yaml",
			kk: []string{"ХАБАРЛАНДЫРУ", "№ 01-12/0050", "2027 жылғы 26 наурыз", "41-тармағына", "2 өтінім", "1 қатысушы", "2 қатысушыдан аз",
				"1) " + pavlodarKK, "16-тармағына", karagandaKK, "тұжырымдама", "42-тармағына", "жаңа хабарландыруды жариялаудың соңғы күні – " + wording.DatePlainKK(templates.NewCompetitionDue(competition.NewDate(2027, 3, 26)).Time)},
			ru: []string{"ОБЪЯВЛЕНИЕ", "№ 01-12/0050", "«26» марта 2027 года", "пунктом 41 Правил", "подано заявок: 2", "требованиям пункта 6 Правил, – 1", "менее 2",
				"1) " + pavlodarRU, "пунктом 16 Правил", karagandaRU, "концепция", "пунктом 42 Правил", "последний день публикации нового объявления – " + wording.DatePlainRU(templates.NewCompetitionDue(competition.NewDate(2027, 3, 26)).Time)}},
	}
}

// Every procedure document of the example competition and of the failed one
// renders in both languages and formats, and the extracted text of the PDF
// and of the DOCX shows the computed lists, the threshold, the dates and the
// items of the rules, in order; excluded entries are absent from the lists
// they must not be in. Every DOCX converts with LibreOffice.
func TestProcedureDocumentsSayWhatTheRulesRequire(t *testing.T) {
	doctest.RequireTool(t, "pdftotext")
	doctest.RequireTool(t, "soffice")
	var docxs sync.Map
	for _, tc := range procCases() {
		t.Run(strings.TrimSuffix(tc.example, ".yaml")+"/"+tc.kind, func(t *testing.T) {
			in := procInput(t, tc.kind, tc.example, tc.application)
			for _, lang := range catalog.DocumentLangs {
				r := procRender(t, tc.kind, in, lang)
				phrases, anywhere, absent := tc.kk, tc.anyKK, tc.absentKK
				if lang == catalog.RU {
					phrases, anywhere, absent = tc.ru, tc.anyRU, tc.absentRU
				}
				for format, text := range map[string]string{"PDF": r.pdfText, "DOCX": r.docxText} {
					what := tc.kind + " " + string(lang) + " " + format
					doctest.AssertInOrder(t, what, text, phrases)
					doctest.AssertContains(t, what, text, anywhere...)
					for _, s := range absent {
						from := strings.Index(text, doctest.Fold(s.from))
						to := strings.Index(text[max(from, 0):], doctest.Fold(s.to))
						if from < 0 || to < 0 {
							t.Errorf("%s: section %q…%q not found", what, s.from, s.to)
							continue
						}
						part := text[from : from+to]
						for _, a := range s.absent {
							if strings.Contains(part, doctest.Fold(a)) {
								t.Errorf("%s: %q must not appear between %q and %q", what, a, s.from, s.to)
							}
						}
					}
					if strings.Contains(text, "proc.") || strings.Contains(text, "validation.") {
						t.Errorf("%s: a catalog key is printed instead of its text", what)
					}
				}
				docxs.Store(strings.TrimSuffix(tc.example, ".yaml")+"."+tc.kind+"."+tc.application+"."+string(lang), r.docx)
			}
		})
	}
	t.Run("LibreOffice", func(t *testing.T) {
		files := map[string][]byte{}
		docxs.Range(func(name, data any) bool {
			files[name.(string)] = data.([]byte)
			return true
		})
		for name, pdfData := range convertWithLibreOffice(t, files) {
			if doctest.PDFPages(t, pdfData) < 1 {
				t.Errorf("%s: LibreOffice produced no pages", name)
			}
		}
	})
}

// convertWithLibreOffice converts every DOCX in one soffice run (its start-up
// dominates the time of a conversion) with a private profile, and returns
// the PDFs by name; a DOCX it cannot convert fails the test.
func convertWithLibreOffice(t *testing.T, files map[string][]byte) map[string][]byte {
	t.Helper()
	bin := doctest.RequireTool(t, "soffice")
	dir := t.TempDir()
	args := []string{"-env:UserInstallation=file://" + filepath.Join(dir, "profile"), "--headless", "--norestore",
		"--convert-to", "pdf", "--outdir", filepath.Join(dir, "pdf")}
	for name, data := range files {
		p := filepath.Join(dir, name+".docx")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, p)
	}
	out, err := exec.Command(bin, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("soffice: %v: %s", err, out)
	}
	pdfs := map[string][]byte{}
	for name := range files {
		data, err := os.ReadFile(filepath.Join(dir, "pdf", name+".pdf"))
		if err != nil {
			t.Errorf("LibreOffice did not convert %s.docx: %v", name, err)
			continue
		}
		pdfs[name] = data
	}
	return pdfs
}

// A failed competition has no review, minutes or results: each is refused
// citing item 41, and only the notice of item 42 follows.
func TestFailedCompetitionRefusesTheLaterDocuments(t *testing.T) {
	for _, kind := range []string{"stage1-review", "stage1-minutes", "stage2-admission", "stage2-review", "stage2-minutes", "results"} {
		k, _ := templates.Lookup(kind)
		_, err := templates.LoadInput(k, filepath.Join("..", "examples", "failed-competition.yaml"), "")
		ve, ok := err.(*competition.ValidationError)
		if !ok {
			t.Errorf("%s: want a validation error, got %v", kind, err)
			continue
		}
		if got := strings.Join(ve.Lines(catalog.RU), "\n"); !strings.Contains(got, "пункт 41 Правил") {
			t.Errorf("%s: the refusal must cite item 41:\n%s", kind, got)
		}
	}
}

// Item 42: two months after the declaration, moved off a day off.
func TestNewCompetitionDue(t *testing.T) {
	for _, tc := range []struct{ declared, due competition.Date }{
		{competition.NewDate(2027, 3, 26), competition.NewDate(2027, 5, 26)},
		// 7 May 2026 is Defender of the Fatherland Day: the next working day.
		{competition.NewDate(2026, 3, 7), competition.NewDate(2026, 5, 8)},
		// 31 December + 2 months: the end of February.
		{competition.NewDate(2026, 12, 31), competition.NewDate(2027, 3, 1)},
	} {
		if got := templates.NewCompetitionDue(tc.declared); !got.Equal(tc.due.Time) {
			t.Errorf("declared %s: due %s, want %s", tc.declared, got, tc.due)
		}
	}
}

// A stage-2 return: the letter cites items 7 and 32 and the stage-2
// admission protocol lists the application as returned, not going on.
func TestStage2ReturnNotice(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "examples", "competition.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	s := strings.Replace(string(data), "    - application: A-07\n      handed_in: [application, strategy, roadmap, authorized_conclusion]",
		"    - application: A-07\n      handed_in: [application, strategy, authorized_conclusion]", 1)
	s = strings.Replace(s, "  returns:\n", `  returns:
    - application: A-07
      number: "02-12/0502"
      date: 2026-10-06
      reasons:
        - kk: Аумақтық кластерді дамытудың жол картасы (Қағидаларға 6-қосымша) ұсынылмаған.
          ru: Не представлена дорожная карта развития территориального кластера (приложение 6 к Правилам).
`, 1)
	s = strings.Replace(s, "    - application: A-07\n      date: 2026-10-23\n      finding: complies\n", "", 1)
	s = strings.Replace(s, "    - {application: A-07, body: authorized_strategy, number: \"17-02/5188\", date: 2026-09-16, finding: complies}\n", "", 1)
	p := filepath.Join(t.TempDir(), "case.yaml")
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	k, _ := templates.Lookup("return-notice")
	in, err := templates.LoadInput(k, p, "A-07")
	if err != nil {
		t.Fatal(err)
	}
	r := procRender(t, "return-notice", in, catalog.RU)
	doctest.AssertInOrder(t, "stage-2 return notice", r.pdfText, []string{"№ 02-12/0502", shymkentRU, "на второй этап конкурса",
		"пункта 7 Правил", "пунктом 32 Правил", "1) Не представлена дорожная карта"})
	k, _ = templates.Lookup("stage2-admission")
	in, err = templates.LoadInput(k, p, "")
	if err != nil {
		t.Fatal(err)
	}
	r = procRender(t, "stage2-admission", in, catalog.KK)
	doctest.AssertInOrder(t, "stage-2 admission", r.docxText, []string{"ШЕШІЛДІ", "1) " + pavlodarKK, "2) " + eastKK, "32-тармағы", "1) " + shymkentKK, "02-12/0502"})
}
