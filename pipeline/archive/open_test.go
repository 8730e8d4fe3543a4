package archive

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

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
