package config

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// The complete file in docs/configuration.md must load and equal the
// defaults, so the documentation cannot drift from the code.
func TestDocumentedDefaultsAreTheDefaults(t *testing.T) {
	doc, err := os.ReadFile("../docs/configuration.md")
	if err != nil {
		t.Fatal(err)
	}
	text := string(doc)
	start := strings.Index(text, "```yaml\n")
	end := strings.Index(text[start+8:], "```")
	if start < 0 || end < 0 {
		t.Fatal("docs/configuration.md has no yaml block")
	}
	p := filepath.Join(t.TempDir(), "konkurs.yaml")
	if err := os.WriteFile(p, []byte(text[start+8:start+8+end]), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, env := range []string{"KONKURS_CONFIG", "KONKURS_DATA_DIR", "KONKURS_LANG", "KONKURS_ARCHIVE",
		"KONKURS_ARCHIVE_RETENTION_YEARS", "KONKURS_ARCHIVE_RETENTION_MODE"} {
		t.Setenv(env, "")
	}
	got, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	want := Default()
	// The documented file spells the server's scheduler switch out.
	on := true
	want.Server.Scheduler = &on
	want.Scheduler.Email.To = []string{}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("documented config differs from the defaults:\n got  %+v\n want %+v", got, want)
	}
}

func TestUnknownKeyIsRefused(t *testing.T) {
	p := filepath.Join(t.TempDir(), "konkurs.yaml")
	os.WriteFile(p, []byte("archive:\n  urll: file:x\n"), 0o644)
	if _, err := Load(p); err == nil || !strings.Contains(err.Error(), "urll") {
		t.Fatalf("want an error naming urll, got %v", err)
	}
}

func TestEnvironmentOverridesFile(t *testing.T) {
	p := filepath.Join(t.TempDir(), "konkurs.yaml")
	os.WriteFile(p, []byte("archive:\n  url: file:from-file\n"), 0o644)
	t.Setenv("KONKURS_ARCHIVE", "s3://127.0.0.1:9000/b")
	c, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	if c.Archive.URL != "s3://127.0.0.1:9000/b" {
		t.Fatalf("got %s", c.Archive.URL)
	}
}

func TestArchiveFollowsTheDataDirectory(t *testing.T) {
	t.Setenv("KONKURS_CONFIG", "")
	t.Setenv("KONKURS_ARCHIVE", "")
	t.Setenv("KONKURS_DATA_DIR", "/srv/konkurs")
	c, err := Load("")
	if err != nil {
		t.Fatal(err)
	}
	if c.Archive.URL != "file:/srv/konkurs/archive" {
		t.Fatalf("archive %s, want it under the data directory", c.Archive.URL)
	}
	t.Setenv("KONKURS_ARCHIVE", "s3://127.0.0.1:9000/b")
	if c, _ := Load(""); c.Archive.URL != "s3://127.0.0.1:9000/b" {
		t.Fatalf("an archive set apart must stay: %s", c.Archive.URL)
	}
}

func TestEmptyFileKeepsTheDefaults(t *testing.T) {
	p := filepath.Join(t.TempDir(), "konkurs.yaml")
	os.WriteFile(p, []byte("# nothing set yet\n"), 0o644)
	t.Setenv("KONKURS_ARCHIVE", "")
	t.Setenv("KONKURS_DATA_DIR", "")
	t.Setenv("KONKURS_LANG", "")
	c, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(c, Default()) {
		t.Errorf("an empty file changed the configuration: %+v", c)
	}
}
