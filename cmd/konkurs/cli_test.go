package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

var konkursBin string

// TestMain builds the real binary once: the CLI tests run it as users do,
// so exit codes and output streams are the real ones.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "konkurs-cli")
	if err != nil {
		panic(err)
	}
	konkursBin = filepath.Join(dir, "konkurs")
	if out, err := exec.Command("go", "build", "-o", konkursBin, ".").CombinedOutput(); err != nil {
		os.Stderr.Write(out)
		panic(err)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

type cliResult struct {
	code           int
	stdout, stderr string
}

func runCLI(t *testing.T, dir string, args ...string) cliResult {
	t.Helper()
	cmd := exec.Command(konkursBin, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "KONKURS_CONFIG=", "KONKURS_LANG=")
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return cliResult{code, out.String(), errb.String()}
}

func examplePath(t *testing.T, name string) string {
	t.Helper()
	p, err := filepath.Abs(filepath.Join("..", "..", "examples", name))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestRenderWritesEveryLanguageAndFormat(t *testing.T) {
	dir := t.TempDir()
	r := runCLI(t, dir, "render", "annex1", "--input", examplePath(t, "annex1.yaml"), "--out", "o")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	for _, name := range []string{"annex1.kk.pdf", "annex1.ru.pdf", "annex1.kk.docx", "annex1.ru.docx"} {
		if fi, err := os.Stat(filepath.Join(dir, "o", name)); err != nil || fi.Size() == 0 {
			t.Errorf("%s not written: %v", name, err)
		}
	}
	r = runCLI(t, dir, "render", "annex4", "--blank", "--lang", "ru", "--format", "pdf", "--out", "b")
	if r.code != 0 {
		t.Fatalf("blank: exit %d: %s", r.code, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "b", "annex4.ru.pdf")); err != nil {
		t.Error(err)
	}
	if entries, _ := os.ReadDir(filepath.Join(dir, "b")); len(entries) != 1 {
		t.Errorf("--lang ru --format pdf wrote %d files", len(entries))
	}
}

// Invalid input: exit 2, every problem named on stderr in the chosen
// language, and nothing written.
func TestInvalidInputExitsTwoAndWritesNothing(t *testing.T) {
	example, err := os.ReadFile(examplePath(t, "competition.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	annex1, err := os.ReadFile(examplePath(t, "annex1.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		scenario string
		kind     string
		input    string
		extra    []string
		lang     string
		want     []string
	}{
		{"wrong BIN checksum", "annex1", strings.Replace(string(annex1), `"150340001236"`, `"150340001235"`, 1), nil, "kk",
			[]string{"participant.bin", "БСН/ЖСН дұрыс емес"}},
		{"missing ru name", "annex1", strings.Replace(string(annex1), "    ru: Павлодарский металлургический территориальный кластер\n", "", 1), nil, "ru",
			[]string{"cluster.name.ru", "обязательное поле не заполнено"}},
		{"malformed YAML", "annex1", "cluster: [\n", nil, "ru", []string{"неверная структура файла"}},
		{"unknown field", "annex1", string(annex1) + "colour: red\n", nil, "kk", []string{"«colour» өрісі белгісіз"}},
		{"announcement too late", "annex1", strings.Replace(string(example), "announcement_date: 2026-01-12", "announcement_date: 2026-02-20", 1),
			[]string{"--application", "A-01"}, "ru", []string{"competition.announcement_date", "пункт 5 Правил"}},
		{"dates out of order", "annex1", strings.Replace(string(example), "stage2_deadline: 2026-09-30", "stage2_deadline: 2026-03-01", 1),
			[]string{"--application", "A-01"}, "en", []string{"competition.stage2_deadline", "must come after"}},
	} {
		t.Run(tc.scenario, func(t *testing.T) {
			dir := t.TempDir()
			in := filepath.Join(dir, "input.yaml")
			if err := os.WriteFile(in, []byte(tc.input), 0o644); err != nil {
				t.Fatal(err)
			}
			args := append([]string{"validate", tc.kind, "--input", in, "--lang", tc.lang}, tc.extra...)
			r := runCLI(t, dir, args...)
			if r.code != 2 {
				t.Fatalf("validate: exit %d, want 2; stderr: %s", r.code, r.stderr)
			}
			for _, w := range tc.want {
				if !strings.Contains(r.stderr, w) {
					t.Errorf("stderr lacks %q:\n%s", w, r.stderr)
				}
			}
			lang := tc.lang
			if lang == "en" {
				lang = "all"
			}
			args = append([]string{"render", tc.kind, "--input", in, "--out", "o", "--lang", lang}, tc.extra...)
			r = runCLI(t, dir, args...)
			if r.code != 2 {
				t.Fatalf("render: exit %d, want 2; stderr: %s", r.code, r.stderr)
			}
			if _, err := os.Stat(filepath.Join(dir, "o")); !os.IsNotExist(err) {
				t.Errorf("render wrote output for invalid input")
			}
		})
	}
}

func TestUsageErrorsExitTwo(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{
		{"render", "annex99", "--input", "x.yaml"},
		{"render", "annex1", "--input", examplePath(t, "annex1.yaml"), "--format", "odt"},
		{"render", "annex1", "--no-such-flag"},
		{"validate", "annex1", "--input", filepath.Join(dir, "missing.yaml")},
		// Cobra's own checks: argument count, required flags, a mistyped
		// subcommand of a group (which would otherwise print help, exit 0).
		{"render"},
		{"render", "annex1", "annex4", "--blank"},
		{"render", "annex1", "--blank", "--input", examplePath(t, "annex1.yaml")},
		{"schema"},
		{"validate", "annex1"},
		{"deadlines"},
		{"dossier", "build", "--spec", "x.yaml"},
		{"dossier", "biuld"},
		{"archive", "verfy"},
		{"case", "chek", "--input", "x.yaml"},
		{"docs", "extra"},
	} {
		if r := runCLI(t, dir, args...); r.code != 2 {
			t.Errorf("%v: exit %d, want 2 (stderr %s)", args, r.code, r.stderr)
		}
	}
}

// Flag mistakes are told in the language asked for, naming the flag.
func TestFlagProblemsInTheUsersLanguage(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"render", "annex1", "--input", examplePath(t, "annex1.yaml"), "--lang", "ru", "--format", "odt"},
			`--format "odt": значение должно быть одним из: pdf, docx, all`},
		{[]string{"render", "annex1", "--lang", "ru"}, "--input: обязательное поле не заполнено"},
		{[]string{"dossier", "build", "--spec", examplePath(t, "dossier.yaml"), "--out", "d", "--lang", "de"},
			`--lang "de": мәні мыналардың бірі болуы керек: kk, ru, all`},
		{[]string{"validate", "annex1", "--input", examplePath(t, "annex1.yaml"), "--lang", "de"},
			`--lang "de": мәні мыналардың бірі болуы керек: kk, ru, en`},
		{[]string{"case", "check", "--input", examplePath(t, "competition.yaml"), "--lang", "de"},
			`--lang "de": мәні мыналардың бірі болуы керек: kk, ru, en`},
		{[]string{"deadlines", "--input", examplePath(t, "competition.yaml"), "--lang", "de"},
			`--lang "de": мәні мыналардың бірі болуы керек: kk, ru, en`},
		{[]string{"demo", "--out", "d", "--lang", "de"},
			`--lang "de": мәні мыналардың бірі болуы керек: kk, ru, en`},
	} {
		r := runCLI(t, dir, tc.args...)
		if r.code != 2 || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", tc.args, r.code, r.stderr, tc.want)
		}
	}
}

// A case file given to a form without --application gets one line saying
// so, not an "unknown field" for each of the case file's sections.
func TestCaseFileWithoutApplicationAsksForIt(t *testing.T) {
	dir := t.TempDir()
	for _, cmd := range []string{"validate", "render"} {
		r := runCLI(t, dir, cmd, "annex1", "--input", examplePath(t, "competition.yaml"), "--lang", "ru")
		if r.code != 2 || !strings.Contains(r.stderr, "--application") || strings.Contains(r.stderr, "неизвестное поле") {
			t.Errorf("%s: exit %d, stderr %q", cmd, r.code, r.stderr)
		}
	}
	// A form's own file with a misspelt field is still reported as such.
	in := filepath.Join(dir, "in.yaml")
	annex1, _ := os.ReadFile(examplePath(t, "annex1.yaml"))
	os.WriteFile(in, append(annex1, "colour: red\n"...), 0o644)
	if r := runCLI(t, dir, "validate", "annex1", "--input", in, "--lang", "ru"); r.code != 2 || !strings.Contains(r.stderr, "«colour»") {
		t.Errorf("misspelt field: exit %d, stderr %q", r.code, r.stderr)
	}
}

func TestGroupCommandAloneShowsHelp(t *testing.T) {
	for _, group := range []string{"archive", "case", "dossier"} {
		r := runCLI(t, t.TempDir(), group)
		if r.code != 0 || !strings.Contains(r.stdout, "Available Commands") {
			t.Errorf("%s: exit %d, stdout %q", group, r.code, r.stdout)
		}
	}
}

func TestSchemaAndDocs(t *testing.T) {
	r := runCLI(t, t.TempDir(), "schema", "annex1")
	if r.code != 0 || !strings.Contains(r.stdout, `"bin"`) || !strings.Contains(r.stdout, `"$schema"`) {
		t.Fatalf("schema: exit %d, %s%s", r.code, r.stdout, r.stderr)
	}
	for _, what := range []string{"dossier", "casefile"} {
		r = runCLI(t, t.TempDir(), "schema", what)
		if r.code != 0 || !strings.Contains(r.stdout, `"title": "`+what+`"`) {
			t.Fatalf("schema %s: exit %d, %s%s", what, r.code, r.stdout, r.stderr)
		}
	}
	r = runCLI(t, t.TempDir(), "docs")
	if r.code != 0 || !strings.Contains(r.stdout, "annex1") || !strings.Contains(r.stdout, "Приложение 1") || !strings.Contains(r.stdout, "1-қосымша") {
		t.Fatalf("docs: exit %d, %s", r.code, r.stdout)
	}
}

func TestDemoRunsWithNoSetUp(t *testing.T) {
	dir := t.TempDir()
	r := runCLI(t, dir, "demo", "--out", "d")
	if r.code != 0 {
		t.Fatalf("demo: exit %d: %s", r.code, r.stderr)
	}
	for _, name := range []string{"annex1.kk.pdf", "annex1.ru.docx", "annex4.kk.docx", "annex4.ru.pdf", "annex1.blank.kk.pdf"} {
		if _, err := os.Stat(filepath.Join(dir, "d", "documents", name)); err != nil {
			t.Error(err)
		}
	}
}

// A character the fonts cannot print is the input's fault: exit 2, the
// character named, nothing written.
func TestUnprintableCharacterIsInvalidInput(t *testing.T) {
	dir := t.TempDir()
	annex1, err := os.ReadFile(examplePath(t, "annex1.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	in := filepath.Join(dir, "in.yaml")
	os.WriteFile(in, []byte(strings.Replace(string(annex1), "Павлодар металлургия аумақтық кластері", "Павлодар 漢 кластері", 1)), 0o644)
	r := runCLI(t, dir, "render", "annex1", "--input", in, "--out", "o", "--lang", "kk")
	if r.code != 2 || !strings.Contains(r.stderr, "U+6F22") {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
	// validate says so too, rather than "no problems" for an input that
	// render then refuses.
	r = runCLI(t, dir, "validate", "annex1", "--input", in, "--lang", "ru")
	if r.code != 2 || !strings.Contains(r.stderr, "U+6F22") {
		t.Fatalf("validate: exit %d, stderr %q", r.code, r.stderr)
	}
	// Both name the field to edit, and every such character at once.
	os.WriteFile(in, []byte(strings.Replace(strings.Replace(string(annex1), "Павлодар металлургия аумақтық кластері", "Павлодар 漢 кластері", 1),
		"full_name: Ахметов Ерлан Сәкенұлы", "full_name: Ахметов 😀", 1)), 0o644)
	for _, cmd := range []string{"validate", "render"} {
		r = runCLI(t, dir, cmd, "annex1", "--input", in, "--lang", "ru")
		for _, want := range []string{"символ «漢» (U+6F22) не может быть напечатан шрифтом (cluster.name.kk)",
			"символ «😀» (U+1F600) не может быть напечатан шрифтом (participant.signatory.full_name)"} {
			if r.code != 2 || !strings.Contains(r.stderr, want) {
				t.Errorf("%s: exit %d, stderr lacks %q:\n%s", cmd, r.code, want, r.stderr)
			}
		}
	}
	// From a case file, the case file's fields are named.
	casefile, _ := os.ReadFile(examplePath(t, "competition.yaml"))
	os.WriteFile(in, []byte(strings.Replace(string(casefile), "Павлодар металлургия аумақтық кластері", "Павлодар 漢 кластері", 1)), 0o644)
	r = runCLI(t, dir, "validate", "annex1", "--input", in, "--application", "A-01", "--lang", "ru")
	if r.code != 2 || !strings.Contains(r.stderr, "(clusters[0].name.kk)") {
		t.Errorf("case file: exit %d, stderr %q", r.code, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "o")); !os.IsNotExist(err) {
		t.Error("output written for unprintable input")
	}
}

// Mistakes in the kind, the stage of the form or the configuration are
// reported in the user's language and exit 2.
func TestKindStageAndConfigMistakesInTheUsersLanguage(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"render", "annex9", "--input", "x.yaml", "--lang", "ru"}, "вида документа «annex9» нет"},
		{[]string{"render", "annex4", "--input", examplePath(t, "competition.yaml"), "--application", "A-01", "--lang", "kk"}, "1-кезеңге берілген"},
		{[]string{"render", "annex2", "--blank", "--lang", "ru"}, "нет бланка"},
	} {
		if r := runCLI(t, dir, tc.args...); r.code != 2 || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("%v: exit %d, stderr %q", tc.args, r.code, r.stderr)
		}
	}
	cfg := filepath.Join(dir, "konkurs.yaml")
	os.WriteFile(cfg, []byte("archive:\n  urll: file:x\n"), 0o644)
	if r := runCLI(t, dir, "docs", "--config", cfg); r.code != 2 || !strings.Contains(r.stderr, "«urll»") || !strings.Contains(r.stderr, "line 2") {
		t.Errorf("config typo: exit %d, stderr %q", r.code, r.stderr)
	}
	os.WriteFile(cfg, []byte("lang: de\n"), 0o644)
	if r := runCLI(t, dir, "docs", "--config", cfg); r.code != 2 || !strings.Contains(r.stderr, "lang") {
		t.Errorf("config lang: exit %d, stderr %q", r.code, r.stderr)
	}
}

// With shared S3 storage configured, the demo must not put its samples (and
// a sample signed copy locked for years) there: it keeps a local archive in
// its output directory. The S3 address here does not even answer.
func TestDemoKeepsSamplesOutOfSharedStorage(t *testing.T) {
	dir := t.TempDir()
	cmd := exec.Command(konkursBin, "demo", "--out", "d", "--lang", "en")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "KONKURS_CONFIG=", "KONKURS_ARCHIVE=s3://127.0.0.1:1/shared")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("demo: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "separate local archive") {
		t.Errorf("demo did not say where the samples went:\n%s", out)
	}
	if _, err := os.Stat(filepath.Join(dir, "d", "archive")); err != nil {
		t.Errorf("no local demo archive: %v", err)
	}
}
