package storagetest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/konkurs/konkurs/storage"
)

// Suite runs the conformance tests against one backend.
type Suite struct {
	// NewStore returns an empty store; it is called once per test.
	NewStore func(t *testing.T) storage.Store
	// LargeSize is the size of the large-object test (default 40 MiB, above
	// the S3 multipart threshold).
	LargeSize int64
}

// Run runs every test of the suite as a subtest of t.
func (s Suite) Run(t *testing.T) {
	tests := []struct {
		name string
		fn   func(*testing.T, storage.Store)
	}{
		{"RoundTrip", testRoundTrip},
		{"EmptyObject", testEmptyObject},
		{"ChecksumMismatchStoresNothing", testChecksumMismatch},
		{"ShortStreamStoresNothing", testShortStream},
		{"NotExist", testNotExist},
		{"InvalidKeys", testInvalidKeys},
		{"List", testList},
		{"ListReportsWhatStatReports", testListMatchesStat},
		{"Overwrite", testOverwrite},
		{"NoOverwrite", testNoOverwrite},
		{"OverwriteRefusedWhileLocked", testOverwriteLocked},
		{"DeleteRefusedWhileLocked", testDeleteLocked},
		{"LegalHold", testLegalHold},
		{"RetentionCannotBeShortened", testRetentionShorten},
		{"Delete", testDelete},
		{"LargeObject", func(t *testing.T, st storage.Store) { testLarge(t, st, s.large()) }},
		{"ConcurrentWriters", testConcurrent},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			st := s.NewStore(t)
			t.Cleanup(func() { st.Close() })
			tc.fn(t, st)
		})
	}
}

func (s Suite) large() int64 {
	if s.LargeSize > 0 {
		return s.LargeSize
	}
	return 40 << 20
}

func put(t *testing.T, st storage.Store, key string, data []byte, opts storage.PutOptions) storage.ObjectInfo {
	t.Helper()
	if opts.SHA256 == "" {
		opts.SHA256 = SumBytes(data)
	}
	if opts.Size == 0 && len(data) > 0 {
		opts.Size = int64(len(data))
	}
	info, err := st.Put(context.Background(), key, bytes.NewReader(data), opts)
	if err != nil {
		t.Fatalf("put %s: %v", key, err)
	}
	return info
}

func read(t *testing.T, st storage.Store, key string) ([]byte, storage.ObjectInfo) {
	t.Helper()
	rc, info, err := st.Get(context.Background(), key)
	if err != nil {
		t.Fatalf("get %s: %v", key, err)
	}
	defer rc.Close()
	data, err := io.ReadAll(rc)
	if err != nil {
		t.Fatalf("read %s: %v", key, err)
	}
	return data, info
}

func testRoundTrip(t *testing.T, st storage.Store) {
	data := []byte("Хаттама / Хаттама № 1 — protocol")
	md := map[string]string{"competition": "KZ-2026-01", "uploaded-by": "Әлия Сейтқали"}
	info := put(t, st, "KZ-2026-01/stage-1/protocol/minutes/v1/minutes.pdf", data,
		storage.PutOptions{ContentType: "application/pdf", Metadata: md})
	if info.SHA256 != SumBytes(data) || info.Size != int64(len(data)) {
		t.Errorf("put returned %+v", info)
	}
	got, ginfo := read(t, st, "KZ-2026-01/stage-1/protocol/minutes/v1/minutes.pdf")
	if !bytes.Equal(got, data) {
		t.Errorf("get returned %q, want %q", got, data)
	}
	sinfo, err := st.Stat(context.Background(), "KZ-2026-01/stage-1/protocol/minutes/v1/minutes.pdf")
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range []storage.ObjectInfo{ginfo, sinfo} {
		if in.SHA256 != SumBytes(data) || in.Size != int64(len(data)) || in.ContentType != "application/pdf" {
			t.Errorf("info %+v: want sha %s size %d type application/pdf", in, SumBytes(data), len(data))
		}
		for k, v := range md {
			if in.Metadata[k] != v {
				t.Errorf("metadata %s = %q, want %q (all: %v)", k, in.Metadata[k], v, in.Metadata)
			}
		}
		if in.Modified.IsZero() || time.Since(in.Modified) > time.Hour {
			t.Errorf("modified time %v is not recent", in.Modified)
		}
	}
}

func testEmptyObject(t *testing.T, st storage.Store) {
	put(t, st, "empty", nil, storage.PutOptions{Size: 0})
	got, info := read(t, st, "empty")
	if len(got) != 0 || info.Size != 0 {
		t.Errorf("empty object: got %d bytes, info %+v", len(got), info)
	}
}

func testChecksumMismatch(t *testing.T, st storage.Store) {
	data := []byte("the real content")
	_, err := st.Put(context.Background(), "bad", bytes.NewReader(data),
		storage.PutOptions{SHA256: SumBytes([]byte("other content")), Size: int64(len(data))})
	if !errors.Is(err, storage.ErrChecksum) {
		t.Fatalf("put with a wrong SHA-256: err = %v, want ErrChecksum", err)
	}
	if _, err := st.Stat(context.Background(), "bad"); !errors.Is(err, storage.ErrNotExist) {
		t.Errorf("after a refused put, stat: err = %v, want ErrNotExist", err)
	}
	// The same with unknown size.
	_, err = st.Put(context.Background(), "bad", bytes.NewReader(data),
		storage.PutOptions{SHA256: SumBytes([]byte("other content")), Size: -1})
	if !errors.Is(err, storage.ErrChecksum) {
		t.Fatalf("put (unknown size) with a wrong SHA-256: err = %v, want ErrChecksum", err)
	}
	if _, err := st.Stat(context.Background(), "bad"); !errors.Is(err, storage.ErrNotExist) {
		t.Errorf("after a refused put (unknown size), stat: err = %v, want ErrNotExist", err)
	}
}

func testShortStream(t *testing.T, st storage.Store) {
	data := []byte("twelve bytes")
	_, err := st.Put(context.Background(), "short", bytes.NewReader(data),
		storage.PutOptions{SHA256: SumBytes(data), Size: 100})
	if err == nil {
		t.Fatal("put of 12 bytes declared as 100 succeeded")
	}
	if _, err := st.Stat(context.Background(), "short"); !errors.Is(err, storage.ErrNotExist) {
		t.Errorf("after a short put, stat: err = %v, want ErrNotExist", err)
	}
}

func testNotExist(t *testing.T, st storage.Store) {
	ctx := context.Background()
	if _, _, err := st.Get(ctx, "no/such/object"); !errors.Is(err, storage.ErrNotExist) {
		t.Errorf("get: err = %v, want ErrNotExist", err)
	}
	if _, err := st.Stat(ctx, "no/such/object"); !errors.Is(err, storage.ErrNotExist) {
		t.Errorf("stat: err = %v, want ErrNotExist", err)
	}
	if err := st.Delete(ctx, "no/such/object"); !errors.Is(err, storage.ErrNotExist) {
		t.Errorf("delete: err = %v, want ErrNotExist", err)
	}
	n := 0
	if err := st.List(ctx, "no/such/", func(storage.ObjectInfo) error { n++; return nil }); err != nil || n != 0 {
		t.Errorf("list of an empty prefix: %d objects, err %v", n, err)
	}
}

func testInvalidKeys(t *testing.T, st storage.Store) {
	for _, key := range []string{"", "../escape", "a/../b", "/absolute", "a//b", "a/./b", "trailing/",
		"nul\x00byte", "new\nline", `back\slash`, strings.Repeat("k", storage.MaxKeyLen+1)} {
		_, err := st.Put(context.Background(), key, strings.NewReader("x"), storage.PutOptions{SHA256: SumBytes([]byte("x")), Size: 1})
		if !errors.Is(err, storage.ErrInvalidKey) {
			t.Errorf("put %q: err = %v, want ErrInvalidKey", key, err)
		}
		if _, err := st.Stat(context.Background(), key); !errors.Is(err, storage.ErrInvalidKey) {
			t.Errorf("stat %q: err = %v, want ErrInvalidKey", key, err)
		}
	}
}

func listKeys(t *testing.T, st storage.Store, prefix string) []string {
	t.Helper()
	var keys []string
	err := st.List(context.Background(), prefix, func(o storage.ObjectInfo) error {
		if o.SHA256 == "" || o.Size <= 0 {
			t.Errorf("list %q: %s has no hash or size: %+v", prefix, o.Key, o)
		}
		keys = append(keys, o.Key)
		return nil
	})
	if err != nil {
		t.Fatalf("list %q: %v", prefix, err)
	}
	return keys
}

func testList(t *testing.T, st storage.Store) {
	keys := []string{"c1/stage-1/a/x.pdf", "c1/stage-1/a/y.pdf", "c1/stage-1/b/z.pdf", "c1/stage-2/a/x.pdf", "c1-other/x.pdf", "c2/x.pdf"}
	for _, k := range keys {
		put(t, st, k, []byte("content of "+k), storage.PutOptions{})
	}
	cases := []struct {
		prefix string
		want   []string
	}{
		{"", []string{"c1-other/x.pdf", "c1/stage-1/a/x.pdf", "c1/stage-1/a/y.pdf", "c1/stage-1/b/z.pdf", "c1/stage-2/a/x.pdf", "c2/x.pdf"}},
		{"c1/", []string{"c1/stage-1/a/x.pdf", "c1/stage-1/a/y.pdf", "c1/stage-1/b/z.pdf", "c1/stage-2/a/x.pdf"}},
		{"c1", []string{"c1-other/x.pdf", "c1/stage-1/a/x.pdf", "c1/stage-1/a/y.pdf", "c1/stage-1/b/z.pdf", "c1/stage-2/a/x.pdf"}},
		{"c1/stage-1/a/", []string{"c1/stage-1/a/x.pdf", "c1/stage-1/a/y.pdf"}},
		{"c1/stage-1/a/x", []string{"c1/stage-1/a/x.pdf"}},
		{"c3/", nil},
	}
	for _, c := range cases {
		if got := listKeys(t, st, c.prefix); fmt.Sprint(got) != fmt.Sprint(c.want) {
			t.Errorf("list %q = %v, want %v", c.prefix, got, c.want)
		}
	}
	stop := errors.New("stop")
	n := 0
	if err := st.List(context.Background(), "", func(storage.ObjectInfo) error { n++; return stop }); !errors.Is(err, stop) || n != 1 {
		t.Errorf("list stopped by its callback: %d calls, err %v", n, err)
	}
}

func testListMatchesStat(t *testing.T, st storage.Store) {
	ctx := context.Background()
	put(t, st, "x/plain", []byte("plain"), storage.PutOptions{ContentType: "application/json"})
	put(t, st, "x/locked", []byte("locked"), storage.PutOptions{ContentType: "application/pdf",
		Metadata: map[string]string{"uploaded-by": "Әлия Сейтқали", "kind": "minutes"}, RetainUntil: time.Now().Add(time.Hour).Truncate(time.Second), Mode: storage.Compliance})
	put(t, st, "x/held", []byte("held"), storage.PutOptions{})
	if r, ok := st.(storage.Retainer); ok {
		if err := r.SetLegalHold(ctx, "x/held", true); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { r.SetLegalHold(ctx, "x/held", false) })
	}
	err := st.List(ctx, "x/", func(l storage.ObjectInfo) error {
		s, err := st.Stat(ctx, l.Key)
		if err != nil {
			return err
		}
		if l.SHA256 != s.SHA256 || l.Size != s.Size || l.ContentType != s.ContentType || fmt.Sprint(l.Metadata) != fmt.Sprint(s.Metadata) ||
			!l.RetainUntil.Equal(s.RetainUntil) || l.Mode != s.Mode || l.LegalHold != s.LegalHold || l.VersionID != s.VersionID {
			t.Errorf("%s: list reports %+v\nstat reports %+v", l.Key, l, s)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func testOverwrite(t *testing.T, st storage.Store) {
	put(t, st, "doc", []byte("first"), storage.PutOptions{})
	put(t, st, "doc", []byte("second, longer"), storage.PutOptions{})
	if got, info := read(t, st, "doc"); string(got) != "second, longer" || info.SHA256 != SumBytes(got) {
		t.Errorf("after overwrite: %q %+v", got, info)
	}
}

func testNoOverwrite(t *testing.T, st storage.Store) {
	put(t, st, "doc", []byte("first"), storage.PutOptions{NoOverwrite: true})
	_, err := st.Put(context.Background(), "doc", strings.NewReader("second"), storage.PutOptions{SHA256: SumBytes([]byte("second")), Size: 6, NoOverwrite: true})
	if !errors.Is(err, storage.ErrExist) {
		t.Errorf("put with NoOverwrite over an object: err = %v, want ErrExist", err)
	}
	if got, _ := read(t, st, "doc"); string(got) != "first" {
		t.Errorf("content changed to %q", got)
	}
}

func retainer(t *testing.T, st storage.Store) storage.Retainer {
	r, ok := st.(storage.Retainer)
	if !ok {
		t.Fatalf("%T has no retention capability", st)
	}
	return r
}

func testOverwriteLocked(t *testing.T, st storage.Store) {
	retainer(t, st)
	until := time.Now().Add(time.Hour).Truncate(time.Second)
	put(t, st, "signed/protocol.pdf", []byte("signed original"), storage.PutOptions{RetainUntil: until})
	info, err := st.Stat(context.Background(), "signed/protocol.pdf")
	if err != nil {
		t.Fatal(err)
	}
	if !info.RetainUntil.Equal(until) || info.Mode != storage.Governance {
		t.Errorf("retention = %v %s, want %v GOVERNANCE", info.RetainUntil, info.Mode, until)
	}
	_, err = st.Put(context.Background(), "signed/protocol.pdf", strings.NewReader("forged"), storage.PutOptions{SHA256: SumBytes([]byte("forged")), Size: 6})
	if !errors.Is(err, storage.ErrLocked) {
		t.Errorf("overwrite of a locked object: err = %v, want ErrLocked", err)
	}
	if got, _ := read(t, st, "signed/protocol.pdf"); string(got) != "signed original" {
		t.Errorf("locked content changed to %q", got)
	}
}

func testDeleteLocked(t *testing.T, st storage.Store) {
	retainer(t, st)
	put(t, st, "signed/protocol.pdf", []byte("signed original"), storage.PutOptions{RetainUntil: time.Now().Add(time.Hour), Mode: storage.Compliance})
	if err := st.Delete(context.Background(), "signed/protocol.pdf"); !errors.Is(err, storage.ErrLocked) {
		t.Errorf("delete of a locked object: err = %v, want ErrLocked", err)
	}
	if got, info := read(t, st, "signed/protocol.pdf"); string(got) != "signed original" || info.Mode != storage.Compliance {
		t.Errorf("after refused delete: %q mode %s", got, info.Mode)
	}
}

func testLegalHold(t *testing.T, st storage.Store) {
	r := retainer(t, st)
	ctx := context.Background()
	put(t, st, "held", []byte("evidence"), storage.PutOptions{})
	if err := r.SetLegalHold(ctx, "held", true); err != nil {
		t.Fatal(err)
	}
	if info, _ := st.Stat(ctx, "held"); !info.LegalHold {
		t.Errorf("legal hold not reported: %+v", info)
	}
	if err := st.Delete(ctx, "held"); !errors.Is(err, storage.ErrLocked) {
		t.Errorf("delete under legal hold: err = %v, want ErrLocked", err)
	}
	if err := r.SetLegalHold(ctx, "held", false); err != nil {
		t.Fatal(err)
	}
	if err := st.Delete(ctx, "held"); err != nil {
		t.Errorf("delete after the hold was released: %v", err)
	}
}

func testRetentionShorten(t *testing.T, st storage.Store) {
	r := retainer(t, st)
	ctx := context.Background()
	until := time.Now().Add(2 * time.Hour).Truncate(time.Second)
	put(t, st, "kept", []byte("kept"), storage.PutOptions{RetainUntil: until})
	if err := r.SetRetention(ctx, "kept", storage.Governance, until.Add(-time.Hour)); !errors.Is(err, storage.ErrLocked) {
		t.Errorf("shortening retention: err = %v, want ErrLocked", err)
	}
	longer := until.Add(24 * time.Hour)
	if err := r.SetRetention(ctx, "kept", storage.Governance, longer); err != nil {
		t.Errorf("extending retention: %v", err)
	}
	if info, _ := st.Stat(ctx, "kept"); !info.RetainUntil.Equal(longer) {
		t.Errorf("retention after extension = %v, want %v", info.RetainUntil, longer)
	}
}

func testDelete(t *testing.T, st storage.Store) {
	put(t, st, "a/b/c", []byte("x"), storage.PutOptions{})
	put(t, st, "a/b/d", []byte("y"), storage.PutOptions{})
	if err := st.Delete(context.Background(), "a/b/c"); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Stat(context.Background(), "a/b/c"); !errors.Is(err, storage.ErrNotExist) {
		t.Errorf("stat after delete: err = %v", err)
	}
	if got := listKeys(t, st, ""); fmt.Sprint(got) != "[a/b/d]" {
		t.Errorf("list after delete = %v", got)
	}
}

func testLarge(t *testing.T, st storage.Store, size int64) {
	c := Content{Seed: 7, Size: size}
	sum := c.SHA256()
	for _, declared := range []int64{size, -1} {
		key := fmt.Sprintf("large/%d", declared)
		info, err := st.Put(context.Background(), key, c.Reader(), storage.PutOptions{SHA256: sum, Size: declared})
		if err != nil {
			t.Fatalf("put %d bytes (declared %d): %v", size, declared, err)
		}
		if info.Size != size || info.SHA256 != sum {
			t.Errorf("put info %+v", info)
		}
		rc, _, err := st.Get(context.Background(), key)
		if err != nil {
			t.Fatal(err)
		}
		n, err := io.Copy(io.Discard, rc)
		rc.Close()
		if err != nil || n != size {
			t.Errorf("get %s: %d bytes, err %v", key, n, err)
		}
	}
	// From a file (io.ReaderAt: backends may read parts in parallel), locked.
	f := largeFile(t, c)
	info, err := st.Put(context.Background(), "large/file", f, storage.PutOptions{SHA256: sum, Size: size, RetainUntil: time.Now().Add(time.Hour)})
	if err != nil {
		t.Fatalf("put %d bytes from a file with retention: %v", size, err)
	}
	if info.Size != size || info.RetainUntil.IsZero() {
		t.Errorf("put info %+v", info)
	}
	if err := st.Delete(context.Background(), "large/file"); !errors.Is(err, storage.ErrLocked) {
		t.Errorf("delete of a large locked object: err = %v, want ErrLocked", err)
	}
	_, err = st.Put(context.Background(), "large/file-wrong", io.NewSectionReader(f, 0, size), storage.PutOptions{SHA256: SumBytes(nil), Size: size, RetainUntil: time.Now().Add(time.Hour)})
	if !errors.Is(err, storage.ErrChecksum) {
		t.Errorf("large put from a file with a wrong hash: err = %v, want ErrChecksum", err)
	}
	if _, err := st.Stat(context.Background(), "large/file-wrong"); !errors.Is(err, storage.ErrNotExist) {
		t.Errorf("large refused put from a file left an object (locked for an hour): err = %v", err)
	}
	// A wrong hash is caught only at the very end of a large stream.
	_, err = st.Put(context.Background(), "large/wrong", c.Reader(), storage.PutOptions{SHA256: SumBytes(nil), Size: size})
	if !errors.Is(err, storage.ErrChecksum) {
		t.Errorf("large put with a wrong hash: err = %v, want ErrChecksum", err)
	}
	if _, err := st.Stat(context.Background(), "large/wrong"); !errors.Is(err, storage.ErrNotExist) {
		t.Errorf("large refused put left an object: err = %v", err)
	}
}

func testConcurrent(t *testing.T, st storage.Store) {
	const writers = 8
	var wg sync.WaitGroup
	errs := make(chan error, 2*writers)
	for i := range writers {
		wg.Add(2)
		go func() {
			defer wg.Done()
			data := bytes.Repeat([]byte{byte('a' + i)}, 100_000+i)
			_, err := st.Put(context.Background(), fmt.Sprintf("own/%02d", i), bytes.NewReader(data), storage.PutOptions{SHA256: SumBytes(data), Size: int64(len(data))})
			errs <- err
		}()
		go func() {
			defer wg.Done()
			data := bytes.Repeat([]byte{byte('A' + i)}, 50_000+i)
			_, err := st.Put(context.Background(), "shared", bytes.NewReader(data), storage.PutOptions{SHA256: SumBytes(data), Size: int64(len(data))})
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Errorf("concurrent put: %v", err)
		}
	}
	if got := listKeys(t, st, "own/"); len(got) != writers {
		t.Errorf("list own/ = %v, want %d keys", got, writers)
	}
	// Whichever writer won, content and recorded hash belong together.
	data, info := read(t, st, "shared")
	if SumBytes(data) != info.SHA256 || int64(len(data)) != info.Size {
		t.Errorf("shared object: content hashes to %s (%d bytes), recorded %s (%d)", SumBytes(data), len(data), info.SHA256, info.Size)
	}
	if len(data) < 50_000 || bytes.Count(data, data[:1]) != len(data) {
		t.Errorf("shared object mixes the writers' contents")
	}
}

// largeFile writes the content to a temporary file and opens it.
func largeFile(t *testing.T, c Content) *os.File {
	t.Helper()
	p := filepath.Join(t.TempDir(), "large")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(f, c.Reader()); err != nil {
		t.Fatal(err)
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}
