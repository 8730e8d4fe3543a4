package archive

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/konkurs/konkurs/storage"
	"github.com/konkurs/konkurs/storage/local"
	"github.com/konkurs/konkurs/storage/s3"
	"github.com/konkurs/konkurs/storage/s3/miniotest"
)

// testArchive is an archive on one backend, with what a test needs to go
// around konkurs (the local directory, or the MinIO server).
type testArchive struct {
	*Archive
	dir string            // local backend: its directory
	srv *miniotest.Server // s3 backend: its server
	s3  *s3.Store
}

// forEachBackend runs fn against the local store and against a real MinIO.
func forEachBackend(t *testing.T, fn func(t *testing.T, ta *testArchive)) {
	t.Run("local", func(t *testing.T) { fn(t, openLocal(t, Options{})) })
	t.Run("s3", func(t *testing.T) { fn(t, openS3(t, miniotest.Start(t), "archive", Options{})) })
}

func openLocal(t testing.TB, opts Options) *testArchive {
	dir := t.TempDir()
	st, err := local.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	return &testArchive{Archive: New(st, opts), dir: dir}
}

func openS3(t testing.TB, srv *miniotest.Server, bucket string, opts Options) *testArchive {
	cfg, err := s3.ParseURL(srv.URL(bucket))
	if err != nil {
		t.Fatal(err)
	}
	cfg.AccessKey, cfg.SecretKey = srv.AccessKey, srv.SecretKey
	cfg.MaxRetries = 2
	st, err := s3.Open(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	return &testArchive{Archive: New(st, opts), srv: srv, s3: st}
}

// writeDossier writes a dossier as the dossier builder does: volumes and a
// manifest.json with the keys the archive relies on.
func writeDossier(t testing.TB, dir string, volumes int, size int64) {
	t.Helper()
	type volume struct {
		Number int    `json:"number"`
		Sheets int    `json:"sheets"`
		File   string `json:"file"`
		SHA256 string `json:"sha256"`
		Size   int64  `json:"size"`
	}
	m := struct {
		Documents []map[string]any `json:"documents"`
		Volumes   []volume         `json:"volumes"`
	}{Documents: []map[string]any{{"title_kk": "Өтінім", "title_ru": "Заявка", "source": "annex1", "pages": 3, "first_sheet": 2, "last_sheet": 4, "volume": 1}}}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for v := 1; v <= volumes; v++ {
		name := fmt.Sprintf("volume-%02d.pdf", v)
		sum := writeRandom(t, filepath.Join(dir, name), uint64(v), size)
		m.Volumes = append(m.Volumes, volume{Number: v, Sheets: 250, File: name, SHA256: sum, Size: size})
	}
	data, _ := json.MarshalIndent(m, "", "  ")
	if err := os.WriteFile(filepath.Join(dir, "manifest.json"), data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func writeRandom(t testing.TB, p string, seed uint64, size int64) string {
	t.Helper()
	var key [32]byte
	key[0], key[1] = byte(seed), byte(seed>>8)
	data := make([]byte, size)
	rand.NewChaCha8(key).Read(data)
	copy(data, "%PDF-1.7\n")
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	s := sha256.Sum256(data)
	return hex.EncodeToString(s[:])
}

func fileSHA256(t testing.TB, p string) string {
	t.Helper()
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	s := sha256.Sum256(data)
	return hex.EncodeToString(s[:])
}

var stage1 = Address{Competition: "KZ-2026-01", Stage: 1, Application: "A-0007"}

func problemsOf(rep VerifyReport) map[string]string {
	m := map[string]string{}
	for _, p := range rep.Problems {
		m[p.ID] += p.Kind + " "
	}
	return m
}

var _ storage.Store = (*local.Store)(nil)

func newSHA256() hash.Hash      { return sha256.New() }
func hexSum(h hash.Hash) string { return hex.EncodeToString(h.Sum(nil)) }

func formatInt(n int64) string { return strconv.FormatInt(n, 10) }
