package archive

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/konkurs/konkurs/catalog"
)

func TestBagItExportValidates(t *testing.T) {
	ta := openLocal(t, Options{})
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "dossier")
	writeDossier(t, dir, 2, 50_000)
	res, err := ta.PutDir(ctx, dir, SetSpec{Address: stage1})
	if err != nil {
		t.Fatal(err)
	}
	bag := filepath.Join(t.TempDir(), "bag")
	out, err := ta.ExportBagIt(ctx, res.ID, bag, BagOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(out.Bags) != 1 || out.Bags[0].Files != 3 || out.Bags[0].Dir != bag {
		t.Errorf("export result %+v", out)
	}
	for _, name := range []string{"bagit.txt", "bag-info.txt", "manifest-sha256.txt", "manifest-sha512.txt", "tagmanifest-sha512.txt", "data/volume-01.pdf", "data/volume-02.pdf", "data/manifest.json"} {
		if _, err := os.Stat(filepath.Join(bag, name)); err != nil {
			t.Errorf("bag lacks %s", name)
		}
	}
	info, _ := os.ReadFile(filepath.Join(bag, "bag-info.txt"))
	oxum := "Payload-Oxum: " + itoa(100_000+fileSize(t, filepath.Join(dir, "manifest.json"))) + ".3"
	for _, want := range []string{oxum, "Bag-Count: 1 of 1", "External-Identifier: " + res.ID} {
		if !strings.Contains(string(info), want) {
			t.Errorf("bag-info.txt lacks %q:\n%s", want, info)
		}
	}
	decl, _ := os.ReadFile(filepath.Join(bag, "bagit.txt"))
	if string(decl) != "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n" {
		t.Errorf("bagit.txt = %q", decl)
	}
	if problems, err := ValidateBag(bag); err != nil || len(problems) != 0 {
		t.Fatalf("fresh bag: %v, %v", problems, err)
	}
	if _, err := ta.ExportBagIt(ctx, res.ID, bag, BagOptions{}); !IsInput(err) {
		t.Errorf("export over an existing directory: err = %v", err)
	}

	// Damage the bag three ways: a flipped byte, an extra file, a missing file.
	vol := filepath.Join(bag, "data", "volume-01.pdf")
	data, _ := os.ReadFile(vol)
	data[10] ^= 0xff
	os.WriteFile(vol, data, 0o644)
	os.WriteFile(filepath.Join(bag, "data", "extra.txt"), []byte("smuggled"), 0o644)
	os.Remove(filepath.Join(bag, "data", "volume-02.pdf"))
	problems, err := ValidateBag(bag)
	if err != nil {
		t.Fatal(err)
	}
	var msgs []string
	for _, p := range problems {
		msgs = append(msgs, p.Message(catalog.RU))
	}
	all := strings.Join(msgs, "\n")
	for _, want := range []string{
		"data/volume-01.pdf: контрольная сумма не совпадает с manifest-sha256.txt",
		"data/volume-01.pdf: контрольная сумма не совпадает с manifest-sha512.txt",
		"data/extra.txt: есть в data/, но не указан в manifest-sha512.txt",
		"data/volume-02.pdf: указан в manifest-sha256.txt, но отсутствует",
		"bag-info.txt: Payload-Oxum",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("validator did not report %q; it said:\n%s", want, all)
		}
	}
}

func TestBagPerVolume(t *testing.T) {
	ta := openLocal(t, Options{})
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "dossier")
	writeDossier(t, dir, 3, 10_000)
	res, err := ta.PutDir(ctx, dir, SetSpec{Address: stage1})
	if err != nil {
		t.Fatal(err)
	}
	bags := filepath.Join(t.TempDir(), "bags")
	out, err := ta.ExportBagIt(ctx, res.ID, bags, BagOptions{PerVolume: true})
	if err != nil || len(out.Bags) != 3 {
		t.Fatalf("per-volume export: %+v, %v", out, err)
	}
	for i, b := range out.Bags {
		d := b.Dir
		info, _ := os.ReadFile(filepath.Join(d, "bag-info.txt"))
		if !strings.Contains(string(info), "Bag-Count: "+itoa(int64(i+1))+" of 3") {
			t.Errorf("%s: bag-info.txt:\n%s", d, info)
		}
		if problems, err := ValidateBag(d); err != nil || len(problems) != 0 {
			t.Errorf("%s: %v %v", d, problems, err)
		}
	}
}

func TestValidateBagRefusesEscapingPaths(t *testing.T) {
	bag := t.TempDir()
	os.MkdirAll(filepath.Join(bag, "data"), 0o755)
	os.WriteFile(filepath.Join(bag, "bagit.txt"), []byte("BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"), 0o644)
	os.WriteFile(filepath.Join(bag, "manifest-sha256.txt"), []byte("0000  data/../../etc/passwd\n"), 0o644)
	problems, err := ValidateBag(bag)
	if err != nil || len(problems) != 1 || problems[0].Key != "archive.bag.bad_path" {
		t.Errorf("problems %+v, %v", problems, err)
	}
}

func fileSize(t *testing.T, p string) int64 {
	st, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	return st.Size()
}

func itoa(n int64) string { return formatInt(n) }

// Bagging-Date is the date in the configured zone, the one ls shows: an
// export at 01:30 in Almaty on 1 April is dated 1 April, not 31 March.
func TestBaggingDateIsTheLocalDate(t *testing.T) {
	exportedAt := time.Date(2026, 3, 31, 20, 30, 0, 0, time.UTC) // 01:30 on 1 April in Asia/Almaty (UTC+5)
	for _, tc := range []struct {
		scenario string
		zone     *time.Location
		want     string
	}{
		{"default zone is Asia/Almaty", nil, "2026-04-01"},
		{"configured UTC", time.UTC, "2026-03-31"},
		{"configured zone west of UTC", time.FixedZone("UTC-3", -3*3600), "2026-03-31"},
	} {
		t.Run(tc.scenario, func(t *testing.T) {
			ta := openLocal(t, Options{Now: func() time.Time { return exportedAt }, TimeZone: tc.zone})
			ctx := context.Background()
			src := filepath.Join(t.TempDir(), "minutes.pdf")
			writeRandom(t, src, 7, 1_000)
			res, err := ta.PutFiles(ctx, []string{src}, SetSpec{Address: Address{Competition: "KZ-2026-01", Stage: 1}})
			if err != nil {
				t.Fatal(err)
			}
			bag := filepath.Join(t.TempDir(), "bag")
			if _, err := ta.ExportBagIt(ctx, res.ID, bag, BagOptions{}); err != nil {
				t.Fatal(err)
			}
			info, _ := os.ReadFile(filepath.Join(bag, "bag-info.txt"))
			if !strings.Contains(string(info), "Bagging-Date: "+tc.want+"\n") {
				t.Errorf("bag-info.txt, want Bagging-Date %s:\n%s", tc.want, info)
			}
		})
	}
}
