package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestDossierBuildExample builds the bundled example in two volumes, as
// `konkurs demo` does, and reads the result back.
func TestDossierBuildExample(t *testing.T) {
	dir := t.TempDir()
	r := runCLI(t, dir, "dossier", "build", "--spec", examplePath(t, "dossier.yaml"), "--out", "d",
		"--max-sheets", "15", "--copies")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if r.stderr != "" {
		t.Errorf("stderr is not a terminal, yet something was printed: %q", r.stderr)
	}
	var m struct {
		Volumes []struct {
			Number, Sheets int
			File           string
		}
		Copies []struct{ File string }
	}
	data, err := os.ReadFile(filepath.Join(dir, "d", "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	if len(m.Volumes) != 2 || len(m.Copies) != 2 {
		t.Fatalf("want 2 volumes and 2 copies: %s", data)
	}
	out, err := exec.Command("pdftotext", "-l", "1", filepath.Join(dir, "d", "volume-01.pdf"), "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Өтінім құрамына кіретін құжаттар тізбесі", "Конкурсқа қатысуға өтінім",
		"Томдар және олардағы парақтар саны"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("inventory lacks %q:\n%s", want, out)
		}
	}
}

func TestDossierBuildRefusesIncomplete(t *testing.T) {
	dir := t.TempDir()
	spec := filepath.Join(dir, "spec.yaml")
	if err := os.WriteFile(spec, []byte("stage: 1\ndocuments:\n  - role: annex2\n    file: "+
		examplePath(t, "attachments/concept.pdf")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := runCLI(t, dir, "dossier", "build", "--spec", spec, "--out", "d", "--lang", "ru")
	if r.code != 2 {
		t.Fatalf("exit %d, want 2: %s", r.code, r.stderr)
	}
	for _, want := range []string{"п. 6.1", "п. 6.3"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr does not name %s: %s", want, r.stderr)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "d")); !os.IsNotExist(err) {
		t.Errorf("output written for a refused dossier")
	}
}

// A character the fonts cannot print in the spec (here the compiler's name,
// printed on the inventory) is invalid input: exit 2, the character named
// in the user's language, nothing written.
func TestDossierBuildUnprintableCharacterIsInvalidInput(t *testing.T) {
	dir := t.TempDir()
	data, err := os.ReadFile(examplePath(t, "dossier.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(data), "name: Жұмабаева А. Н.", "name: Жұмабаева 😀", 1)
	edited = strings.ReplaceAll(edited, "input: annex1.yaml", "input: "+examplePath(t, "annex1.yaml"))
	edited = strings.ReplaceAll(edited, "file: attachments/", "file: "+examplePath(t, "attachments")+"/")
	spec := filepath.Join(dir, "spec.yaml")
	if err := os.WriteFile(spec, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	r := runCLI(t, dir, "dossier", "build", "--spec", spec, "--out", "d", "--lang", "ru")
	if r.code != 2 || !strings.Contains(r.stderr, "U+1F600") || !strings.Contains(r.stderr, "не может быть напечатан") {
		t.Fatalf("exit %d, want 2 naming U+1F600 in Russian: %s", r.code, r.stderr)
	}
	if entries, _ := os.ReadDir(filepath.Join(dir, "d")); len(entries) != 0 {
		t.Errorf("output written for a refused dossier: %v", entries)
	}
}

// A rendered document whose input is invalid is reported in the language of
// the messages, also for the Kazakh copy of the form.
func TestDossierBuildReportsRenderProblemsInOneLanguage(t *testing.T) {
	dir := t.TempDir()
	annex1, err := os.ReadFile(examplePath(t, "annex1.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "annex1.yaml"), []byte(strings.Replace(string(annex1), `"150340001236"`, `"150340001237"`, 1)), 0o644)
	data, err := os.ReadFile(examplePath(t, "dossier.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	spec := filepath.Join(dir, "spec.yaml")
	os.WriteFile(spec, []byte(strings.ReplaceAll(string(data), "file: attachments/", "file: "+examplePath(t, "attachments")+"/")), 0o644)
	r := runCLI(t, dir, "dossier", "build", "--spec", spec, "--out", "d", "--lang", "ru")
	if r.code != 2 || strings.Count(r.stderr, "неверный БИН/ИИН") != 2 || strings.Contains(r.stderr, "БСН/ЖСН") {
		t.Fatalf("exit %d, want 2 and both problems in Russian: %s", r.code, r.stderr)
	}
}
