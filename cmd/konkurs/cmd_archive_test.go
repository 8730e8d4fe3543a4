package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/konkurs/konkurs/storage/s3/miniotest"
)

// runArchiveCLI runs the real binary with extra environment variables.
func runArchiveCLI(t *testing.T, dir string, env []string, args ...string) cliResult {
	t.Helper()
	cmd := exec.Command(konkursBin, args...)
	cmd.Dir = dir
	cmd.Env = append(append(os.Environ(), "KONKURS_CONFIG=", "KONKURS_LANG=", "KONKURS_ARCHIVE="), env...)
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

// writeTestDossier writes two volumes and a manifest.json with the keys
// the dossier builder writes.
func writeTestDossier(t *testing.T, dir string) {
	t.Helper()
	os.MkdirAll(dir, 0o755)
	var vols []map[string]any
	for i, size := range []int{70_000, 30_000} {
		name := fmt.Sprintf("volume-%02d.pdf", i+1)
		data := bytes.Repeat([]byte{byte('a' + i)}, size)
		copy(data, "%PDF-1.7\n")
		os.WriteFile(filepath.Join(dir, name), data, 0o644)
		sum := sha256.Sum256(data)
		vols = append(vols, map[string]any{"number": i + 1, "sheets": 12, "file": name, "sha256": hex.EncodeToString(sum[:]), "size": size})
	}
	data, _ := json.Marshal(map[string]any{"documents": []any{}, "volumes": vols})
	os.WriteFile(filepath.Join(dir, "manifest.json"), data, 0o644)
}

// archiveWorkflow is what archive staff do: archive a dossier and a
// protocol, sign the protocol, find it, retrieve it, verify, export.
func archiveWorkflow(t *testing.T, dir string, env []string) {
	writeTestDossier(t, filepath.Join(dir, "dossier"))
	os.WriteFile(filepath.Join(dir, "minutes-stage1.ru.pdf"), []byte("%PDF-1.7 minutes"), 0o644)
	os.WriteFile(filepath.Join(dir, "signed.pdf"), []byte("%PDF-1.7 minutes, signed"), 0o644)
	run := func(wantCode int, args ...string) cliResult {
		t.Helper()
		r := runArchiveCLI(t, dir, env, args...)
		if r.code != wantCode {
			t.Fatalf("konkurs %s: exit %d, want %d\nstdout: %s\nstderr: %s", strings.Join(args, " "), r.code, wantCode, r.stdout, r.stderr)
		}
		return r
	}
	run(0, "archive", "put", "dossier", "--competition", "KZ-2026-01", "--stage", "1", "--application", "A-7")
	r := run(0, "archive", "put", "dossier", "--competition", "KZ-2026-01", "--stage", "1", "--application", "A-7", "--lang", "ru")
	if !strings.Contains(r.stdout, "уже в архиве") {
		t.Errorf("rerun did not say the dossier is already archived: %s", r.stdout)
	}
	run(0, "archive", "put", "minutes-stage1.ru.pdf", "--competition", "KZ-2026-01", "--stage", "1", "--document", "minutes-stage1", "--kind", "minutes")
	original := "KZ-2026-01/stage-1/protocol/minutes-stage1/v1/minutes-stage1.ru.pdf"
	run(0, "archive", "sign", original, "signed.pdf", "--by", "Секретарь комиссии")

	r = run(0, "archive", "ls", "--signed", "--json")
	var entries []map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &entries); err != nil || len(entries) != 1 {
		t.Fatalf("ls --signed --json: %v\n%s", err, r.stdout)
	}
	for _, k := range []string{"id", "kind", "competition", "stage", "sha256", "size", "signed", "retain_until"} {
		if _, ok := entries[0][k]; !ok {
			t.Errorf("ls --json entry lacks %q: %v", k, entries[0])
		}
	}
	signedID := entries[0]["id"].(string)
	if entries[0]["signed"] != true || entries[0]["retain_until"] == nil || entries[0]["kind"] != "minutes" {
		t.Errorf("signed entry %v", entries[0])
	}
	r = run(0, "archive", "ls", "--competition", "KZ-2026-01", "--stage", "1", "--kind", "dossier", "--json")
	if err := json.Unmarshal([]byte(r.stdout), &entries); err != nil || len(entries) != 3 {
		t.Errorf("ls --kind dossier: %d entries: %s", len(entries), r.stdout)
	}
	r = run(0, "archive", "ls", "--from", "2000-01-01", "--to", "2000-12-31", "--json")
	if strings.TrimSpace(r.stdout) != "[]" {
		t.Errorf("ls of an empty date range printed %s", r.stdout)
	}

	run(0, "archive", "get", signedID, "--out", "got")
	if data, _ := os.ReadFile(filepath.Join(dir, "got", "signed.pdf")); string(data) != "%PDF-1.7 minutes, signed" {
		t.Errorf("retrieved signed copy: %q", data)
	}
	// A file already there is not replaced without --force.
	os.WriteFile(filepath.Join(dir, "got", "signed.pdf"), []byte("my notes"), 0o644)
	r = run(2, "archive", "get", signedID, "--out", "got", "--lang", "ru")
	if !strings.Contains(r.stderr, filepath.Join("got", "signed.pdf")) || !strings.Contains(r.stderr, "уже существует") {
		t.Errorf("get over an existing file does not name it in Russian: %s", r.stderr)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "got", "signed.pdf")); string(data) != "my notes" {
		t.Errorf("get replaced an existing file without --force: %q", data)
	}
	run(0, "archive", "get", signedID, "--out", "got", "--force")
	if data, _ := os.ReadFile(filepath.Join(dir, "got", "signed.pdf")); string(data) != "%PDF-1.7 minutes, signed" {
		t.Errorf("get --force did not replace the file: %q", data)
	}
	// Retrieving the generated original names its signed copy; --signed
	// retrieves the copy instead.
	r = run(0, "archive", "get", original, "--out", "orig")
	if !strings.Contains(r.stdout, signedID) {
		t.Errorf("get of a signed protocol's original does not mention the signed copy %s:\n%s", signedID, r.stdout)
	}
	run(0, "archive", "get", "KZ-2026-01/stage-1/protocol/minutes-stage1", "--signed", "--out", "signed-only")
	if data, _ := os.ReadFile(filepath.Join(dir, "signed-only", "signed.pdf")); string(data) != "%PDF-1.7 minutes, signed" {
		t.Errorf("get --signed of the document: %q", data)
	}
	if _, err := os.Stat(filepath.Join(dir, "signed-only", "minutes-stage1.ru.pdf")); err == nil {
		t.Errorf("get --signed also wrote the generated original")
	}
	run(0, "archive", "verify")
	run(0, "archive", "export", "--bagit", "KZ-2026-01/stage-1/application/A-7/dossier", "bag")
	run(0, "archive", "validate-bag", "bag")
	os.WriteFile(filepath.Join(dir, "bag", "data", "volume-02.pdf"), []byte("changed"), 0o644)
	run(1, "archive", "validate-bag", "bag")

	run(2, "archive", "put", "signed.pdf", "--competition", "../etc", "--stage", "1")
	run(2, "archive", "ls", "--from", "31.03.2026")
	run(2, "archive", "get", "KZ-2026-01/stage-1/protocol/none/v1/x.pdf")
}

func TestArchiveCommandsOnTheLocalArchive(t *testing.T) {
	dir := t.TempDir()
	archiveWorkflow(t, dir, nil)
	// A flipped byte in the local archive's files is found by verify and get.
	p := filepath.Join(dir, "konkurs-data", "archive", "objects", "KZ-2026-01", "stage-1", "application", "A-7", "dossier", "v1", "volume-01.pdf")
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	data[500] ^= 1
	os.WriteFile(p, data, 0o644)
	r := runArchiveCLI(t, dir, nil, "archive", "verify", "--lang", "ru")
	if r.code != 1 || !strings.Contains(r.stdout, "ПОВРЕЖДЕН") || !strings.Contains(r.stdout, "volume-01.pdf") {
		t.Errorf("verify after a flipped byte: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	// The detail is Russian too, not the store's English.
	if !strings.Contains(r.stdout, "содержимое не совпадает с записанным SHA-256") || strings.Contains(r.stdout, "does not match") {
		t.Errorf("verify --lang ru detail:\n%s", r.stdout)
	}
	r = runArchiveCLI(t, dir, nil, "archive", "verify", "--json", "KZ-2026-01/stage-1/application/")
	var rep struct {
		Checked  int
		Problems []struct{ ID, Problem string }
	}
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil || r.code != 1 || rep.Checked != 4 || len(rep.Problems) != 1 || rep.Problems[0].Problem != "corrupt" {
		t.Errorf("verify --json: exit %d, %+v, %v\n%s", r.code, rep, err, r.stdout)
	}
	r = runArchiveCLI(t, dir, nil, "archive", "get", "KZ-2026-01/stage-1/application/A-7/dossier/v1/volume-01.pdf", "--out", "bad")
	if r.code != 1 || !strings.Contains(r.stderr, "SHA-256") {
		t.Errorf("get of a corrupt object: exit %d\n%s", r.code, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "bad", "volume-01.pdf")); err == nil {
		t.Errorf("get wrote a corrupt file")
	}
}

func TestArchiveCommandsOnMinIO(t *testing.T) {
	srv := miniotest.Start(t)
	env := []string{"KONKURS_ARCHIVE=" + srv.URL("konkurs-archive"), "AWS_ACCESS_KEY_ID=" + srv.AccessKey, "AWS_SECRET_ACCESS_KEY=" + srv.SecretKey}
	dir := t.TempDir()
	// Reading commands do not create the bucket: ls says the archive is
	// empty, and verify afterwards still finds no archive at all.
	if r := runArchiveCLI(t, dir, env, "archive", "ls", "--lang", "ru"); r.code != 0 || !strings.Contains(r.stderr, "еще ничего не архивировалось") {
		t.Errorf("ls of a bucket not created yet: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if r := runArchiveCLI(t, dir, env, "archive", "verify", "--lang", "en"); r.code != 2 || !strings.Contains(r.stderr, "there is no archive at") {
		t.Errorf("verify of a bucket not created yet: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	archiveWorkflow(t, dir, env)
	// A wrong secret fails clearly, and the secret is never printed.
	bad := []string{"KONKURS_ARCHIVE=" + srv.URL("konkurs-archive"), "AWS_ACCESS_KEY_ID=" + srv.AccessKey, "AWS_SECRET_ACCESS_KEY=wrong-secret-1234567"}
	r := runArchiveCLI(t, dir, bad, "archive", "ls")
	if r.code == 0 || strings.Contains(r.stdout+r.stderr, "wrong-secret-1234567") || strings.Contains(r.stdout+r.stderr, srv.SecretKey) {
		t.Errorf("ls with a wrong secret: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

// A dossier built by konkurs dossier build (volumes and their copies) is
// archived, verified and exported one bag per volume.
func TestArchiveARealDossier(t *testing.T) {
	dir := t.TempDir()
	r := runArchiveCLI(t, dir, nil, "dossier", "build", "--spec", examplePath(t, "dossier.yaml"), "--out", "d", "--copies", "--max-sheets", "15")
	if r.code != 0 {
		t.Fatalf("dossier build: exit %d\n%s", r.code, r.stderr)
	}
	for _, args := range [][]string{
		{"archive", "put", "d", "--competition", "tc-2026", "--stage", "1", "--application", "A-01"},
		{"archive", "verify"},
		{"archive", "export", "--bagit", "--per-volume", "tc-2026/stage-1/application/A-01/dossier", "bags"},
		{"archive", "validate-bag", "bags/volume-01"},
		{"archive", "validate-bag", "bags/volume-02"},
	} {
		if r := runArchiveCLI(t, dir, nil, args...); r.code != 0 {
			t.Fatalf("konkurs %s: exit %d\n%s%s", strings.Join(args, " "), r.code, r.stdout, r.stderr)
		}
	}
	r = runArchiveCLI(t, dir, nil, "archive", "ls", "--json")
	var entries []struct{ ID, File string }
	if err := json.Unmarshal([]byte(r.stdout), &entries); err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, e := range entries {
		files = append(files, e.File)
	}
	if got := strings.Join(files, " "); got != "copy-volume-01.pdf copy-volume-02.pdf manifest.json volume-01.pdf volume-02.pdf" {
		t.Errorf("archived dossier files: %s", got)
	}
	info, _ := os.ReadFile(filepath.Join(dir, "bags", "volume-02", "bag-info.txt"))
	if !strings.Contains(string(info), "Bag-Count: 2 of 2") {
		t.Errorf("bag-info.txt of volume 2:\n%s", info)
	}
}

// Reading commands in a folder where nothing was archived say so and leave
// no konkurs-data/archive behind.
func TestArchiveReadingCommandsCreateNothing(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{[]string{"archive", "ls", "--lang", "ru"}, 0, "", "архив пуст: по адресу file:konkurs-data/archive еще ничего не архивировалось"},
		{[]string{"archive", "ls", "--json", "--lang", "kk"}, 0, "[]", "мұрағат бос"},
		{[]string{"archive", "verify", "--lang", "ru"}, 2, "", "архива по адресу file:konkurs-data/archive еще нет"},
		{[]string{"archive", "verify", "--lang", "kk"}, 2, "", "мекенжайында мұрағат әлі жоқ"},
		{[]string{"archive", "get", "KZ-2026-01/stage-1/protocol/minutes/v1/x.pdf", "--lang", "en"}, 2, "", "there is no archive at file:konkurs-data/archive yet"},
		{[]string{"archive", "export", "--bagit", "KZ-2026-01/stage-1/protocol/minutes", "bag", "--lang", "en"}, 2, "", "there is no archive"},
	} {
		r := runArchiveCLI(t, dir, nil, tc.args...)
		if r.code != tc.code || !strings.Contains(r.stdout, tc.stdout) || !strings.Contains(r.stderr, tc.stderr) {
			t.Errorf("konkurs %s: exit %d, want %d with %q\nstdout: %s\nstderr: %s", strings.Join(tc.args, " "), r.code, tc.code, tc.stderr, r.stdout, r.stderr)
		}
	}
	if left, _ := os.ReadDir(dir); len(left) != 0 {
		t.Errorf("reading commands left %v behind", left)
	}
	// An archive that exists but holds nothing is empty, and verified so.
	os.WriteFile(filepath.Join(dir, "a.pdf"), []byte("%PDF-1.7"), 0o644)
	runArchiveCLI(t, dir, nil, "archive", "put", "a.pdf", "--competition", "KZ-2026-01", "--stage", "1")
	os.RemoveAll(filepath.Join(dir, "konkurs-data", "archive", "meta", "KZ-2026-01"))
	if r := runArchiveCLI(t, dir, nil, "archive", "verify", "--lang", "ru"); r.code != 0 || !strings.Contains(r.stdout, "пуст: проверять нечего") {
		t.Errorf("verify of an empty archive: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

// Mistakes in arguments and flags are told in kk, ru or en, naming the
// argument or flag, with exit code 2.
func TestArchiveUsageErrorsAreLocalized(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "first"), 0o755)
	os.MkdirAll(filepath.Join(dir, "second"), 0o755)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"archive", "put", "first", "second", "--lang", "kk"}, "берілген қалталар: first, second"},
		{[]string{"archive", "put", "first", "second", "--lang", "ru"}, "указанные папки: first, second"},
		{[]string{"archive", "put", "first", "second", "--lang", "en"}, "directories given: first, second"},
		{[]string{"archive", "ls", "--signed", "--unsigned", "--lang", "ru"}, "--signed и --unsigned исключают друг друга"},
		{[]string{"archive", "ls", "--signed", "--unsigned", "--lang", "kk"}, "--signed және --unsigned бірін-бірі жоққа шығарады"},
		{[]string{"archive", "export", "X/stage-1/protocol/m", "bag", "--lang", "ru"}, "добавьте --bagit"},
		{[]string{"archive", "export", "X/stage-1/protocol/m", "bag", "--lang", "kk"}, "--bagit қосыңыз"},
		{[]string{"archive", "put", "missing.pdf", "--competition", "KZ-2026-01", "--stage", "1", "--lang", "ru"}, "не удается прочитать missing.pdf: нет такого файла или папки"},
		{[]string{"archive", "put", "missing.pdf", "--competition", "KZ-2026-01", "--stage", "1", "--lang", "kk"}, "missing.pdf оқылмайды: мұндай файл немесе қалта жоқ"},
	} {
		r := runArchiveCLI(t, dir, nil, tc.args...)
		if r.code != 2 || !strings.Contains(r.stderr, tc.want) || strings.Contains(r.stderr, "no such file or directory") {
			t.Errorf("konkurs %s: exit %d, want 2 with %q\nstderr: %s", strings.Join(tc.args, " "), r.code, tc.want, r.stderr)
		}
	}
}

// A file named as people name it is archived under that name.
func TestArchiveFileNameWithSpaces(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "Протокол 1.pdf"), []byte("%PDF-1.7 protocol"), 0o644)
	r := runArchiveCLI(t, dir, nil, "archive", "put", "Протокол 1.pdf", "--competition", "KZ-2026-01", "--stage", "1")
	if r.code != 0 || !strings.Contains(r.stdout, "KZ-2026-01/stage-1/protocol/Протокол-1/v1") {
		t.Fatalf("put of a name with a space: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	// The signed copy's hint is a command that can be typed as printed.
	os.WriteFile(filepath.Join(dir, "Протокол 1 қол қойылған.pdf"), []byte("%PDF-1.7 signed"), 0o644)
	original := "KZ-2026-01/stage-1/protocol/Протокол-1/v1/Протокол 1.pdf"
	if r := runArchiveCLI(t, dir, nil, "archive", "sign", original, "Протокол 1 қол қойылған.pdf", "--by", "Хатшы"); r.code != 0 {
		t.Fatalf("sign: exit %d\n%s", r.code, r.stderr)
	}
	r = runArchiveCLI(t, dir, nil, "archive", "get", original, "--out", "orig", "--lang", "en")
	if r.code != 0 || !strings.Contains(r.stdout, `konkurs archive get --signed "`+original+`"`) {
		t.Errorf("get of the original: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	r = runArchiveCLI(t, dir, nil, "archive", "get", "KZ-2026-01/stage-1/protocol/Протокол-1/v1/Протокол 1.pdf", "--out", "got")
	if data, _ := os.ReadFile(filepath.Join(dir, "got", "Протокол 1.pdf")); r.code != 0 || string(data) != "%PDF-1.7 protocol" {
		t.Errorf("get: exit %d, %q\n%s", r.code, data, r.stderr)
	}
}

// Bagging-Date follows scheduler.time_zone from the configuration.
func TestArchiveBaggingDateInTheConfiguredZone(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "konkurs.yaml"), []byte("scheduler:\n  time_zone: Pacific/Kiritimati\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "a.pdf"), []byte("%PDF-1.7"), 0o644)
	env := []string{"KONKURS_CONFIG=" + filepath.Join(dir, "konkurs.yaml")}
	zone, err := time.LoadLocation("Pacific/Kiritimati") // UTC+14: its date is not UTC's from 10:00 UTC on
	if err != nil {
		t.Fatal(err)
	}
	before := time.Now().In(zone).Format("2006-01-02")
	for _, args := range [][]string{
		{"archive", "put", "a.pdf", "--competition", "KZ-2026-01", "--stage", "1"},
		{"archive", "export", "--bagit", "KZ-2026-01/stage-1/protocol/a", "bag"},
	} {
		if r := runArchiveCLI(t, dir, env, args...); r.code != 0 {
			t.Fatalf("konkurs %s: exit %d\n%s%s", strings.Join(args, " "), r.code, r.stdout, r.stderr)
		}
	}
	after := time.Now().In(zone).Format("2006-01-02")
	info, _ := os.ReadFile(filepath.Join(dir, "bag", "bag-info.txt"))
	if !strings.Contains(string(info), "Bagging-Date: "+before+"\n") && !strings.Contains(string(info), "Bagging-Date: "+after+"\n") {
		t.Errorf("bag-info.txt, want Bagging-Date %s (Pacific/Kiritimati):\n%s", before, info)
	}
}
