package archive

import (
	"context"
	"errors"
	"io"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/konkurs/konkurs/catalog"
	"github.com/konkurs/konkurs/storage"
	"github.com/konkurs/konkurs/storage/s3/miniotest"
)

// killingStore is the real S3 store whose uploads kill the MinIO server
// once a given number of bytes has been read from the files: the crash
// lands inside an upload, at the same byte every run, without timing.
type killingStore struct {
	storage.Store
	srv   *miniotest.Server
	after int64
	read  atomic.Int64
	once  sync.Once
}

func (k *killingStore) Put(ctx context.Context, key string, r io.Reader, opts storage.PutOptions) (storage.ObjectInfo, error) {
	return k.Store.Put(ctx, key, &killingReader{r: r, k: k}, opts)
}

type killingReader struct {
	r io.Reader
	k *killingStore
}

func (kr *killingReader) Read(p []byte) (int, error) {
	n, err := kr.r.Read(p)
	if kr.k.read.Add(int64(n)) >= kr.k.after {
		kr.k.once.Do(kr.k.srv.Kill)
	}
	return n, err
}

func TestMinIOKilledMidDossierThenRerunCompletes(t *testing.T) {
	srv := miniotest.Start(t)
	ta := openS3(t, srv, "archive", Options{Parallel: 1})
	// Killed 10 MiB into volume 2 (volumes are 20 MiB, parts 16 MiB).
	ta.Archive = New(&killingStore{Store: ta.s3, srv: srv, after: 30 << 20}, ta.opts)
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "dossier")
	writeDossier(t, dir, 3, 20<<20) // three volumes, each above the multipart threshold

	_, err := ta.PutDir(ctx, dir, SetSpec{Address: stage1})
	var ae *Error
	if !errors.As(err, &ae) || ae.Key != "archive.err.store" {
		t.Fatalf("put while MinIO dies: err = %v, want archive.err.store", err)
	}
	msg := ae.Message(catalog.RU)
	if !strings.Contains(msg, "/dossier/v1/volume-02.pdf") || !strings.Contains(msg, "повторите ту же команду") {
		t.Errorf("the error does not say which object failed and what to do: %s", msg)
	}
	t.Logf("error shown to the user: %s", msg)

	srv.Restart(t)
	if _, err := ta.Store().Stat(ctx, "KZ-2026-01/stage-1/application/A-0007/dossier/v1/"+SetManifestName); !errors.Is(err, storage.ErrNotExist) {
		t.Fatalf("after the crash a manifest exists (err %v): it would point to missing volumes", err)
	}
	entries, err := ta.List(ctx, Filter{Competition: "KZ-2026-01"})
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 || !strings.HasSuffix(entries[0].ID, "volume-01.pdf") {
		t.Errorf("after the crash the archive holds %+v, want only volume-01.pdf", entries)
	}

	res, err := ta.PutDir(ctx, dir, SetSpec{Address: Address{Competition: "KZ-2026-01", Stage: 1, Application: "A-0007"}})
	if err != nil {
		t.Fatalf("rerun after restart: %v", err)
	}
	if res.ID != "KZ-2026-01/stage-1/application/A-0007/dossier/v1" || res.Skipped != 1 || res.Uploaded != 3 {
		t.Errorf("rerun: %+v, want v1 completed with volume-01 skipped and 3 files uploaded", res)
	}
	rep, err := ta.Verify(ctx, "")
	if err != nil || !rep.OK() || rep.Checked != 5 {
		t.Errorf("verify after the rerun: %+v, %v", rep, err)
	}
}
