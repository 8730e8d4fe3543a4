// Package miniotest starts a real MinIO server for tests: on a free loopback
// port, with a temporary data directory and random credentials. In CI
// (CI=true) a server that cannot start fails the test instead of skipping it.
package miniotest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/minio/minio-go/v7"
	"github.com/minio/minio-go/v7/pkg/credentials"
)

// Server is a running MinIO.
type Server struct {
	Addr      string // 127.0.0.1:PORT
	AccessKey string
	SecretKey string
	bin, dir  string
	log       *os.File

	mu  sync.Mutex
	cmd *exec.Cmd
}

// Binary finds the minio executable: $KONKURS_MINIO_BIN, then minio on
// PATH, then the cache that scripts/test fills.
func Binary() (string, error) {
	if p := os.Getenv("KONKURS_MINIO_BIN"); p != "" {
		if _, err := os.Stat(p); err != nil {
			return "", fmt.Errorf("KONKURS_MINIO_BIN: %w", err)
		}
		return p, nil
	}
	if p, err := exec.LookPath("minio"); err == nil {
		return p, nil
	}
	cache := os.Getenv("XDG_CACHE_HOME")
	if cache == "" {
		home, _ := os.UserHomeDir()
		cache = filepath.Join(home, ".cache")
	}
	p := filepath.Join(cache, "konkurs", "tools", "bin", "minio")
	if _, err := os.Stat(p); err != nil {
		return "", fmt.Errorf("minio not found: set KONKURS_MINIO_BIN or run scripts/test, which builds it")
	}
	return p, nil
}

// Start starts a server and stops it when the test ends.
func Start(t testing.TB) *Server {
	t.Helper()
	return StartIn(t, "")
}

// StartIn is Start with the server's data under parent (e.g. /dev/shm, so
// that benchmarks measure the protocol rather than the disk's write-back);
// "" means a test temporary directory.
func StartIn(t testing.TB, parent string) *Server {
	t.Helper()
	unavailable := t.Skipf
	if os.Getenv("CI") == "true" {
		unavailable = t.Fatalf
	}
	bin, err := Binary()
	if err != nil {
		unavailable("MinIO: %v", err)
		return nil
	}
	dir := t.TempDir()
	if parent != "" {
		d, err := os.MkdirTemp(parent, "miniotest-")
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.RemoveAll(d) })
		dir = d
	}
	s := &Server{bin: bin, dir: dir, AccessKey: randomHex(10), SecretKey: randomHex(20)}
	port, err := freePort()
	if err != nil {
		unavailable("MinIO: %v", err)
		return nil
	}
	s.Addr = net.JoinHostPort("127.0.0.1", strconv.Itoa(port))
	s.log, err = os.Create(filepath.Join(s.dir, "minio.log"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		s.Kill()
		s.log.Close()
	})
	if err := s.start(); err != nil {
		log, _ := os.ReadFile(s.log.Name())
		unavailable("MinIO did not start: %v\n%s", err, log)
		return nil
	}
	return s
}

func (s *Server) start() error {
	cmd := exec.Command(s.bin, "server", "--quiet", "--address", s.Addr, filepath.Join(s.dir, "data"))
	cmd.Env = append(os.Environ(),
		"MINIO_ROOT_USER="+s.AccessKey, "MINIO_ROOT_PASSWORD="+s.SecretKey,
		"MINIO_BROWSER=off", "MINIO_UPDATE=off", "MINIO_CI_CD=1")
	cmd.Stdout, cmd.Stderr = s.log, s.log
	dieWithParent(cmd)
	if err := cmd.Start(); err != nil {
		return err
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	s.mu.Lock()
	s.cmd = cmd
	s.mu.Unlock()
	client, err := minio.New(s.Addr, &minio.Options{Creds: credentials.NewStaticV4(s.AccessKey, s.SecretKey, ""), MaxRetries: 1})
	if err != nil {
		cmd.Process.Kill()
		return err
	}
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		select {
		case err := <-exited:
			return fmt.Errorf("minio exited: %v", err)
		default:
		}
		// Health endpoints answer before the object layer is ready; a
		// signed request that succeeds is the real sign of readiness.
		if _, err := client.ListBuckets(context.Background()); err == nil {
			go func() { <-exited }()
			return nil
		}
		time.Sleep(100 * time.Millisecond)
	}
	cmd.Process.Kill()
	return fmt.Errorf("minio not ready on %s after 60 s", s.Addr)
}

// Kill stops the server abruptly (SIGKILL), as a crash would.
func (s *Server) Kill() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cmd != nil && s.cmd.Process != nil {
		s.cmd.Process.Kill()
		s.cmd = nil
	}
}

// Restart starts the server again on the same address and data.
func (s *Server) Restart(t testing.TB) {
	t.Helper()
	s.Kill()
	var err error
	for range 50 { // the port may linger briefly after a kill
		if err = s.start(); err == nil {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("MinIO restart: %v", err)
}

// URL is the archive URL of bucket on this server.
func (s *Server) URL(bucket string) string {
	return "s3://" + s.Addr + "/" + bucket + "?insecure=true"
}

// SetEnv puts the server's credentials where konkurs reads them.
func (s *Server) SetEnv(t testing.TB) {
	t.Setenv("AWS_ACCESS_KEY_ID", s.AccessKey)
	t.Setenv("AWS_SECRET_ACCESS_KEY", s.SecretKey)
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

func randomHex(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return hex.EncodeToString(b)
}
