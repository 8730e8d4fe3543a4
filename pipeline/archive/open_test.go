package archive

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/konkurs/konkurs/catalog"
	"github.com/konkurs/konkurs/config"
)

func TestOpenChoosesTheBackendFromTheURL(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	a, err := Open(ctx, "file:"+dir, config.ArchiveConfig{})
	if err != nil {
		t.Fatal(err)
	}
	if a.Location() != "file:"+dir || a.opts.RetentionYears != DefaultRetentionYears {
		t.Errorf("location %s, retention %d", a.Location(), a.opts.RetentionYears)
	}
	a.Close()
	t.Setenv("AWS_ACCESS_KEY_ID", "")
	t.Setenv("AWS_SECRET_ACCESS_KEY", "")
	for _, tc := range []struct {
		scenario, url string
		cfg           config.ArchiveConfig
		key           string
	}{
		{"unknown scheme", "ftp://host/x", config.ArchiveConfig{}, "archive.err.url"},
		{"empty path", "file:", config.ArchiveConfig{}, "archive.err.url"},
		{"s3 without credentials", "s3://127.0.0.1:9000/archive", config.ArchiveConfig{}, "archive.err.credentials"},
		{"s3 credentials in URL", "s3://k:s@127.0.0.1:9000/archive", config.ArchiveConfig{}, "archive.err.url"},
		{"retention 0 years from env", "file:" + dir, config.ArchiveConfig{RetentionYears: -1}, "archive.err.retention"},
		{"retention mode", "file:" + dir, config.ArchiveConfig{RetentionMode: "forever"}, "archive.err.retention_mode"},
	} {
		t.Run(tc.scenario, func(t *testing.T) {
			_, err := Open(ctx, tc.url, tc.cfg)
			var ae *Error
			if !errors.As(err, &ae) || ae.Key != tc.key || !IsInput(err) {
				t.Fatalf("err = %v, want input error %s", err, tc.key)
			}
		})
	}
}

func TestDossierManifestCannotPointOutside(t *testing.T) {
	ta := openLocal(t, Options{})
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "manifest.json"), []byte(`{"volumes":[{"number":1,"sheets":1,"file":"../../secret.pdf","sha256":"00","size":1}]}`), 0o644)
	_, err := ta.PutDir(context.Background(), dir, SetSpec{Address: stage1})
	var ae *Error
	if !errors.As(err, &ae) || ae.Key != "archive.err.dossier_manifest" {
		t.Fatalf("err = %v, want archive.err.dossier_manifest", err)
	}
}

// Reading commands open with MustExist: a missing archive is reported as
// such (an input error naming the location), and nothing is created.
func TestOpenMustExistCreatesNothing(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "konkurs-data", "archive")
	_, err := OpenWith(ctx, "file:"+dir, config.ArchiveConfig{}, Options{MustExist: true})
	if !IsNoArchive(err) || !IsInput(err) {
		t.Fatalf("OpenWith MustExist of a missing archive: %v, want the no-archive input error", err)
	}
	for _, lang := range []catalog.Lang{catalog.KK, catalog.RU, catalog.EN} {
		if msg := err.(*Error).Message(lang); !strings.Contains(msg, dir) {
			t.Errorf("%s: %q does not name the location", lang, msg)
		}
	}
	if _, err := os.Stat(filepath.Dir(dir)); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("OpenWith MustExist created %s", filepath.Dir(dir))
	}
	a, err := OpenWith(ctx, "file:"+dir, config.ArchiveConfig{RetentionYears: 25}, Options{TimeZone: time.UTC})
	if err != nil {
		t.Fatal(err)
	}
	if a.opts.RetentionYears != 25 || a.opts.TimeZone != time.UTC {
		t.Errorf("options not passed through: retention %d, zone %v", a.opts.RetentionYears, a.opts.TimeZone)
	}
	a.Close()
	a, err = OpenWith(ctx, "file:"+dir, config.ArchiveConfig{}, Options{MustExist: true})
	if err != nil {
		t.Fatalf("OpenWith MustExist of an existing archive: %v", err)
	}
	a.Close()
}

// Causes are told in the user's language: the operating system's own
// English ("no such file or directory") never reaches kk or ru users.
func TestErrorCausesAreLocalized(t *testing.T) {
	ta := openLocal(t, Options{})
	missing := filepath.Join(t.TempDir(), "нет-такого.pdf")
	_, err := ta.PutFiles(context.Background(), []string{missing}, SetSpec{Address: stage1})
	var ae *Error
	if !errors.As(err, &ae) || ae.Key != "archive.err.file_read" {
		t.Fatalf("put of a missing file: %v", err)
	}
	want := map[catalog.Lang]string{catalog.KK: "мұндай файл немесе қалта жоқ", catalog.RU: "нет такого файла или папки", catalog.EN: "no such file or folder"}
	for lang, cause := range want {
		msg := ae.Message(lang)
		if !strings.Contains(msg, cause) || !strings.Contains(msg, missing) || strings.Contains(msg, "no such file or directory") {
			t.Errorf("%s: %q, want the file and %q", lang, msg, cause)
		}
	}
	// A dossier manifest's problem is told in the language too.
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "manifest.json"), []byte(`{"volumes":[{"number":1,"file":"volume-01.pdf"}]}`), 0o644)
	_, err = ta.PutDir(context.Background(), dir, SetSpec{Address: stage1})
	if !errors.As(err, &ae) || !strings.Contains(ae.Message(catalog.RU), "volumes[0]: file, sha256 и number обязательны") {
		t.Errorf("dossier manifest without sha256: %v", err)
	}
}
