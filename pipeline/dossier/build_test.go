package dossier

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"

	"github.com/konkurs/konkurs/catalog"
)

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// testDoc is an attachment to generate: its role and pages.
type testDoc struct {
	role  Role
	pages []testPage
}

func stage1(extra ...testDoc) []testDoc {
	return append([]testDoc{{RoleAnnex1, pagesA4(2)}, {RoleAnnex2, pagesA4(5)}, {RoleAnnex3, pagesA4(1)}}, extra...)
}

// buildTestDossier writes the attachments labelled D1, D2, … and builds.
func buildTestDossier(t *testing.T, docs []testDoc, opts Options) (*Manifest, string) {
	t.Helper()
	dir := t.TempDir()
	s := &Spec{Stage: 1, Applicant: "«Тест» кластерлік қауымдастығы", dir: dir}
	for i, d := range docs {
		name := fmt.Sprintf("d%d.pdf", i+1)
		writeTemp(t, dir, name, attachmentPDF(t, fmt.Sprintf("D%d", i+1), d.pages...))
		s.Documents = append(s.Documents, DocumentSpec{Role: d.role, File: name,
			TitleKK: fmt.Sprintf("Құжат %d", i+1), TitleRU: fmt.Sprintf("Документ %d", i+1)})
	}
	opts.OutDir = filepath.Join(dir, "out")
	m, err := Build(context.Background(), s, opts)
	if err != nil {
		t.Fatal(err)
	}
	return m, opts.OutDir
}

// checkDossier re-reads every volume with pdftotext and checks the manifest
// against what is printed: each document starts on the sheet the inventory
// gives, every page's stamp is its position, the certification sheet closes
// the volume with the right count, and the manifest matches the files.
func checkDossier(t *testing.T, m *Manifest, out string, docs []testDoc, copies bool) {
	t.Helper()
	var onDisk Manifest
	data, err := os.ReadFile(filepath.Join(out, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &onDisk); err != nil {
		t.Fatal(err)
	}
	volumes := map[int][]string{}
	for _, v := range onDisk.Volumes {
		pages := pageTexts(t, filepath.Join(out, v.File))
		volumes[v.Number] = pages
		if len(pages) != v.Sheets+1 {
			t.Fatalf("%s: %d pages, want %d sheets + certification sheet", v.File, len(pages), v.Sheets)
		}
		for i, text := range pages[:v.Sheets] {
			if got := sheetStamp(text); got != fmt.Sprint(i+1) {
				t.Fatalf("%s page %d: stamp %q, want %d", v.File, i+1, got, i+1)
			}
		}
		cert := pages[v.Sheets]
		for _, want := range []string{sheetsPhrase(catalog.KK, v.Sheets), sheetsPhrase(catalog.RU, v.Sheets),
			"Томның куәландыру парағы", "Лист-заверитель тома"} {
			if !strings.Contains(strings.Join(strings.Fields(cert), " "), want) {
				t.Errorf("%s certification sheet: %q missing in %q", v.File, want, cert)
			}
		}
		if st, err := os.Stat(filepath.Join(out, v.File)); err != nil || st.Size() != v.Size {
			t.Errorf("%s: size %v, manifest says %d", v.File, err, v.Size)
		}
	}
	inventory := strings.Join(volumes[1][:onDisk.Totals.InventorySheets], "\n")
	for _, d := range onDisk.Documents {
		var label string
		fmt.Sscanf(d.TitleRU, "Документ %s", &label)
		pages := volumes[d.Volume]
		// The document's first page in this part is at its first sheet.
		if !strings.Contains(pages[d.FirstSheet-1], "D"+label+" p") || !strings.Contains(pages[d.LastSheet-1], "D"+label+" p") {
			t.Errorf("%s: not on sheets %d–%d of volume %d", d.TitleRU, d.FirstSheet, d.LastSheet, d.Volume)
		}
		// The inventory prints that range on the document's row.
		found := false
		for _, line := range strings.Split(inventory, "\n") {
			if strings.Contains(line, d.TitleKK+" ") && strings.Contains(line, " "+sheetRange(d.FirstSheet, d.LastSheet)+" ") {
				found = true
			}
		}
		if !found {
			t.Errorf("inventory: no row for %s with sheets %s:\n%s", d.TitleKK, sheetRange(d.FirstSheet, d.LastSheet), inventory)
		}
	}
	if !strings.Contains(volumes[1][0], "Өтінім құрамына кіретін құжаттар тізбесі") {
		t.Errorf("volume 1 does not open with the inventory: %q", volumes[1][0])
	}
	if copies != (len(onDisk.Copies) == len(onDisk.Volumes)) {
		t.Errorf("copies: %d files for %d volumes", len(onDisk.Copies), len(onDisk.Volumes))
	}
	for _, c := range onDisk.Copies {
		pages := pageTexts(t, filepath.Join(out, c.File))
		if !strings.Contains(pages[0], "КӨШІРМЕ / КОПИЯ") || strings.Contains(pages[1], "КӨШІРМЕ") {
			t.Errorf("%s: the copy mark must be on the first sheet only", c.File)
		}
	}
	// The electronic copy opens on the documents: one bookmark per part.
	bms, err := api.Bookmarks(bytes.NewReader(must(os.ReadFile(filepath.Join(out, "volume-01.pdf")))), nil)
	if err != nil {
		t.Fatal(err)
	}
	if bms[0].PageFrom != 1 || bms[1].PageFrom != onDisk.Documents[0].FirstSheet || !strings.HasPrefix(bms[1].Title, "1. ") {
		t.Errorf("bookmarks: %+v", bms[:2])
	}
	if m.Totals.Sheets != onDisk.Totals.Sheets {
		t.Errorf("returned manifest differs from manifest.json")
	}
}

func TestBuildSmallDossierWithCopies(t *testing.T) {
	docs := stage1(testDoc{RoleOther, []testPage{a4, a3, a4Landscape, {W: a4.W, H: a4.H, Rotate: 90}}})
	m, out := buildTestDossier(t, docs, Options{Copies: true})
	checkDossier(t, m, out, docs, true)
	if len(m.Volumes) != 1 || m.Volumes[0].Sheets != 1+2+5+1+4 {
		t.Fatalf("volumes %+v", m.Volumes)
	}
	cert := pageTexts(t, filepath.Join(out, "volume-01.pdf"))[13]
	// Sheets 11 (A3), 12 (landscape) and 13 (rotated to landscape) are large-format.
	if !strings.Contains(cert, "11–13") {
		t.Errorf("certification sheet does not note the large sheets 11–13: %q", cert)
	}
}

func TestBuildVolumeEdges(t *testing.T) {
	for _, tc := range []struct {
		scenario string
		extra    []int // pages of "other" documents after the three required
		volumes  []int
	}{
		// 1 inventory sheet + 2 + 5 + 1 + 241 = 250: one full volume.
		{"exactly 250 sheets", []int{241}, []int{250}},
		// One more sheet: the last document moves to volume 2 whole.
		{"251 sheets", []int{242}, []int{9, 242}},
		// A 300-page document alone exceeds a volume: it is split.
		{"one 300-page document", []int{300}, []int{9, 250, 50}},
	} {
		t.Run(tc.scenario, func(t *testing.T) {
			docs := stage1()
			for _, n := range tc.extra {
				docs = append(docs, testDoc{RoleOther, pagesA4(n)})
			}
			m, out := buildTestDossier(t, docs, Options{})
			checkDossier(t, m, out, docs, false)
			var got []int
			for _, v := range m.Volumes {
				got = append(got, v.Sheets)
			}
			if fmt.Sprint(got) != fmt.Sprint(tc.volumes) {
				t.Fatalf("volume sheets %v, want %v", got, tc.volumes)
			}
		})
	}
}

func TestBuildLongInventory(t *testing.T) {
	docs := stage1()
	for range 57 {
		docs = append(docs, testDoc{RoleOther, pagesA4(3)})
	}
	m, out := buildTestDossier(t, docs, Options{MaxSheets: 100})
	if m.Totals.InventorySheets < 2 {
		t.Fatalf("60 documents fit a %d-sheet inventory; the test needs a longer one", m.Totals.InventorySheets)
	}
	checkDossier(t, m, out, docs, false)
	inv := pageTexts(t, filepath.Join(out, "volume-01.pdf"))[m.Totals.InventorySheets-1]
	if !strings.Contains(inv, "Томдар және олардағы парақтар саны") {
		t.Errorf("a multi-volume inventory must list the volumes (item 11)")
	}
}

func TestInventoryLongerThanAVolume(t *testing.T) {
	dir := t.TempDir()
	writeTemp(t, dir, "a.pdf", attachmentPDF(t, "A", a4))
	s := &Spec{Stage: 1, dir: dir}
	for i := range 60 {
		r := RoleOther
		if i < 3 {
			r = []Role{RoleAnnex1, RoleAnnex2, RoleAnnex3}[i]
		}
		s.Documents = append(s.Documents, DocumentSpec{Role: r, File: "a.pdf", TitleKK: "Құжат", TitleRU: "Документ"})
	}
	_, err := Build(context.Background(), s, Options{OutDir: filepath.Join(dir, "out"), MaxSheets: 2})
	var in *InputError
	if !errors.As(err, &in) || !in.Has("dossier.err.inventory_too_long") {
		t.Fatalf("want inventory_too_long, got %v", err)
	}
}

func TestSingleLanguageSheets(t *testing.T) {
	m, out := buildTestDossier(t, stage1(), Options{Languages: []catalog.Lang{catalog.RU}, Copies: true})
	pages := pageTexts(t, filepath.Join(out, "volume-01.pdf"))
	inventory, cert := pages[0], strings.Join(strings.Fields(pages[len(pages)-1]), " ")
	if !strings.Contains(inventory, "Перечень документов") || strings.Contains(inventory, "Өтінім құрамына") {
		t.Errorf("Russian-only inventory: %q", inventory)
	}
	if !strings.Contains(inventory, "Документ 2") || strings.Contains(inventory, "Құжат 2") {
		t.Errorf("Russian-only inventory must print the Russian titles: %q", inventory)
	}
	if !strings.Contains(cert, sheetsPhrase(catalog.RU, m.Volumes[0].Sheets)) || strings.Contains(cert, "парақ") {
		t.Errorf("Russian-only certification sheet: %q", cert)
	}
	copyFirst := pageTexts(t, filepath.Join(out, "copy", "volume-01.pdf"))[0]
	if !strings.Contains(copyFirst, "КӨШІРМЕ / КОПИЯ") {
		t.Errorf("the copy mark is bilingual whatever the sheets' language: %q", copyFirst)
	}
}
