package archive

import (
	"context"
	"path/filepath"
	"runtime"
	"testing"
)

// Get streams: retrieving a 64 MiB volume (four S3 parts) allocates a small,
// fixed amount, not the object's size. BenchmarkGetVerified measures the
// peak resident memory for 1 GiB.
func TestGetStreamsWithoutHoldingTheObject(t *testing.T) {
	forEachBackend(t, func(t *testing.T, ta *testArchive) {
		ctx := context.Background()
		dir := filepath.Join(t.TempDir(), "dossier")
		writeDossier(t, dir, 1, 64<<20)
		res, err := ta.PutDir(ctx, dir, SetSpec{Address: stage1})
		if err != nil {
			t.Fatal(err)
		}
		out := t.TempDir()
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		if _, err := ta.Get(ctx, res.ID+"/volume-01.pdf", out); err != nil {
			t.Fatal(err)
		}
		runtime.ReadMemStats(&after)
		if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 4<<20 {
			t.Errorf("get of a 64 MiB object allocated %d bytes; it should stream", alloc)
		}
	})
}
