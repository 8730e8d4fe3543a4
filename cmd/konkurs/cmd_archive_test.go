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
