package main

import (
	"bufio"
	"io"
	"net/http"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"
)

func TestUserAdd(t *testing.T) {
	dir := t.TempDir()
	r := runCLI(t, dir, "user", "add", "boss", "--role", "organizer", "--token", "--config", writeLangConfig(t, dir, "en"))
	if r.code != 0 || !regexp.MustCompile(`password: \S{16}`).MatchString(r.stdout) || !strings.Contains(r.stdout, "API token (shown once): kt_") {
		t.Fatalf("user add: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	data, err := os.ReadFile(dir + "/konkurs-data/users.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "$2a$") || strings.Contains(string(data), "kt_") {
		t.Errorf("users file must hold a bcrypt hash and no token:\n%s", data)
	}
	if fi, _ := os.Stat(dir + "/konkurs-data/users.yaml"); fi.Mode().Perm() != 0o600 {
		t.Errorf("users file mode %v, want 0600", fi.Mode().Perm())
	}
	if r := runCLI(t, dir, "user", "revoke-tokens", "boss", "--config", writeLangConfig(t, dir, "ru")); r.code != 0 || strings.TrimSpace(r.stdout) != "отозвано API-токенов: 1" {
		t.Errorf("revoke-tokens: %d %q", r.code, r.stdout)
	}
	if r := runCLI(t, dir, "user", "passwd", "nobody"); r.code != 2 {
		t.Errorf("passwd of an unknown user: exit %d", r.code)
	}
	for _, args := range [][]string{
		{"user", "add", "boss", "--role", "organizer"},                      // exists
		{"user", "add", "app", "--role", "applicant"},                       // no participant
		{"user", "add", "x", "--role", "admin"},                             // no such role
		{"user", "add", "arc", "--role", "archivist", "--participant", "p"}, // participant for a non-applicant
	} {
		if r := runCLI(t, dir, args...); r.code != 2 {
			t.Errorf("%v: exit %d, want 2 (%s)", args, r.code, r.stderr)
		}
	}
}

func writeLangConfig(t *testing.T, dir, lang string) string {
	p := dir + "/konkurs-" + lang + ".yaml"
	if err := os.WriteFile(p, []byte("lang: "+lang+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// konkurs serve prints its address, answers /healthz and the login page,
// and stops cleanly on an interrupt.
func TestServePrintsAddressAndAnswers(t *testing.T) {
	dir := t.TempDir()
	if r := runCLI(t, dir, "user", "add", "boss", "--role", "organizer"); r.code != 0 {
		t.Fatal(r.stderr)
	}
	cmd := exec.Command(konkursBin, "serve", "--addr", "127.0.0.1:0")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "KONKURS_CONFIG=", "KONKURS_LANG=ru")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = io.Discard
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`konkurs serve: (http://127\.0\.0\.1:\d+/)`).FindStringSubmatch(line)
	if m == nil {
		t.Fatalf("first line %q does not give the address", line)
	}
	resp, err := http.Get(m[1] + "healthz")
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("healthz: %v %v", err, resp)
	}
	resp.Body.Close()
	resp, err = http.Get(m[1] + "login")
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(page), `<html lang="ru">`) || !strings.Contains(string(page), "Вход в систему") {
		t.Errorf("login page not in the configured language (ru)")
	}
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	if err := cmd.Wait(); err != nil {
		t.Errorf("serve did not stop cleanly: %v", err)
	}
}
