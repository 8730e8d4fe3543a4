package archive

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/minio/minio-go/v7"

	"github.com/konkurs/konkurs/storage"
	"github.com/konkurs/konkurs/storage/s3/miniotest"
	"github.com/konkurs/konkurs/storage/storagetest"
)

// benchSize is the volume uploaded per iteration; KONKURS_BENCH_MB changes it.
func benchSize(def int64) int64 {
	if v, err := strconv.ParseInt(os.Getenv("KONKURS_BENCH_MB"), 10, 64); err == nil && v > 0 {
		return v << 20
	}
	return def
}

// BenchmarkUpload compares, on the same MinIO and bucket, side by side in
// every round (alternating which goes first, objects removed between
// rounds so that the disk's write-back treats both alike): plain minio-go
// PutObject of a dossier volume (the floor), and konkurs archiving the same
// dossier (SHA-256 verified before completion, per-part checksums,
// metadata, manifest last). Reported: MB/s of each and konkurs as % of plain.
func BenchmarkUpload(b *testing.B) {
	size := benchSize(256 << 20)
	srv := miniotest.StartIn(b, memoryDir())
	ta := openS3(b, srv, "bench", Options{})
	dir := filepath.Join(b.TempDir(), "dossier")
	writeDossier(b, dir, 1, size)
	ctx := context.Background()
	volume := filepath.Join(dir, "volume-01.pdf")
	client, bucket := ta.s3.Client(), ta.s3.Bucket()

	putObject := func(i int, opts minio.PutObjectOptions) {
		f, err := os.Open(volume)
		if err != nil {
			b.Fatal(err)
		}
		defer f.Close()
		if _, err := client.PutObject(ctx, bucket, fmt.Sprintf("plain/%d/volume-01.pdf", i), f, size, opts); err != nil {
			b.Fatal(err)
		}
	}
	plain := func(i int) { putObject(i, minio.PutObjectOptions{}) }
	// The same wire mode konkurs uses for large files (unsigned payload,
	// CRC32C per part), to show what the extra SHA-256 pass itself costs.
	plainUnsigned := func(i int) { putObject(i+1_000_000, minio.PutObjectOptions{DisableContentSha256: true}) }
	ours := func(i int) {
		res, err := ta.PutDir(ctx, dir, SetSpec{Address: Address{Competition: fmt.Sprintf("bench-%d", i), Stage: 1, Application: "A-1"}})
		if err != nil {
			b.Fatal(err)
		}
		if res.Uploaded != 2 {
			b.Fatalf("uploaded %d files", res.Uploaded)
		}
	}
	names := []string{"plain", "plain-unsigned", "konkurs"}
	runs := []func(int){plain, plainUnsigned, ours}
	times := make([]time.Duration, len(runs))
	rounds := 0
	for b.Loop() {
		i := int(uploadRound.Add(1))
		for j := range runs {
			k := (j + i) % len(runs) // rotate which goes first
			t0 := time.Now()
			runs[k](i)
			times[k] += time.Since(t0)
		}
		rounds++
		b.StopTimer()
		removeAll(b, ta)
		b.StartTimer()
	}
	b.SetBytes(int64(len(runs)) * size)
	for k, name := range names {
		b.ReportMetric(float64(size)*float64(rounds)/times[k].Seconds()/1e6, name+"-MB/s")
	}
	b.ReportMetric(100*times[0].Seconds()/times[2].Seconds(), "konkurs-%-of-plain")
	b.ReportMetric(100*times[1].Seconds()/times[2].Seconds(), "konkurs-%-of-plain-unsigned")
}

var uploadRound atomic.Int64

// memoryDir is a RAM-backed directory for MinIO's data when the system has
// one: both uploads then measure the protocol and the client, not the
// disk's write-back, which otherwise makes runs differ by ±40%.
func memoryDir() string {
	if st, err := os.Stat("/dev/shm"); err == nil && st.IsDir() {
		return "/dev/shm"
	}
	return ""
}

// removeAll deletes every version of every object in the bench bucket.
func removeAll(b *testing.B, ta *testArchive) {
	ctx := context.Background()
	client, bucket := ta.s3.Client(), ta.s3.Bucket()
	for o := range client.ListObjects(ctx, bucket, minio.ListObjectsOptions{Recursive: true, WithVersions: true}) {
		if o.Err != nil {
			b.Fatal(o.Err)
		}
		if err := client.RemoveObject(ctx, bucket, o.Key, minio.RemoveObjectOptions{VersionID: o.VersionID}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkGetVerified streams a large object (1 GiB by default) through
// get's SHA-256 check and reports the process's peak resident memory during
// the reads (VmHWM after resetting it), next to Go's bytes/op.
func BenchmarkGetVerified(b *testing.B) {
	size := benchSize(1 << 30)
	c := storagetest.Content{Seed: 3, Size: size}
	sum := c.SHA256()
	for _, backend := range []string{"local", "s3"} {
		b.Run(backend, func(b *testing.B) {
			var st storage.Store
			if backend == "local" {
				st = openLocal(b, Options{}).Store()
			} else {
				st = openS3(b, miniotest.Start(b), "bench", Options{}).Store()
			}
			ctx := context.Background()
			if _, err := st.Put(ctx, "big/object.bin", c.Reader(), storage.PutOptions{SHA256: sum, Size: size}); err != nil {
				b.Fatal(err)
			}
			debug.FreeOSMemory() // the put's buffers must not count as the get's
			resetPeakRSS(b)
			b.SetBytes(size)
			b.ResetTimer()
			for b.Loop() {
				rc, _, err := st.Get(ctx, "big/object.bin")
				if err != nil {
					b.Fatal(err)
				}
				n, err := io.Copy(io.Discard, rc)
				rc.Close()
				if err != nil || n != size {
					b.Fatalf("read %d of %d bytes: %v", n, size, err)
				}
			}
			b.StopTimer()
			b.ReportMetric(float64(peakRSS(b))/(1<<20), "peak-RSS-MiB")
		})
	}
}

// resetPeakRSS clears the kernel's high-water mark of resident memory
// (Linux: writing 5 to /proc/self/clear_refs).
func resetPeakRSS(b *testing.B) {
	if err := os.WriteFile("/proc/self/clear_refs", []byte("5"), 0); err != nil {
		b.Logf("cannot reset peak RSS: %v", err)
	}
}

func peakRSS(b *testing.B) int64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		b.Logf("no /proc/self/status: %v", err)
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			return kb << 10
		}
	}
	return 0
}

// BenchmarkGetSet retrieves a set of 20 files of 64 KB through the archive
// (overwrite check, signed-copy lookup per file, SHA-256 check, temporary
// file and rename), on the local store.
func BenchmarkGetSet(b *testing.B) {
	ta := openLocal(b, Options{})
	ctx := context.Background()
	src := b.TempDir()
	var paths []string
	for i := range 20 {
		p := filepath.Join(src, fmt.Sprintf("Документ %02d.pdf", i))
		writeRandom(b, p, uint64(100+i), 64<<10)
		paths = append(paths, p)
	}
	res, err := ta.PutFiles(ctx, paths, SetSpec{Address: Address{Competition: "KZ-2026-01", Stage: 1, Document: "set"}})
	if err != nil {
		b.Fatal(err)
	}
	out := b.TempDir()
	b.SetBytes(20 * 64 << 10)
	for b.Loop() {
		if _, err := ta.GetWith(ctx, res.ID, out, GetOptions{Force: true}); err != nil {
			b.Fatal(err)
		}
	}
}
