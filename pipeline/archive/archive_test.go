package archive

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/minio/minio-go/v7"

	"github.com/konkurs/konkurs/storage"
)

func TestDossierPutIsIdempotentAndVerifiable(t *testing.T) {
	forEachBackend(t, func(t *testing.T, ta *testArchive) {
		ctx := context.Background()
		dir := filepath.Join(t.TempDir(), "dossier")
		writeDossier(t, dir, 2, 300_000)
		res, err := ta.PutDir(ctx, dir, SetSpec{Address: stage1})
		if err != nil {
			t.Fatal(err)
		}
		wantID := "KZ-2026-01/stage-1/application/A-0007/dossier/v1"
		if res.ID != wantID || res.Uploaded != 3 || res.Skipped != 0 {
			t.Errorf("first put: %+v", res)
		}
		again, err := ta.PutDir(ctx, dir, SetSpec{Address: stage1})
		if err != nil {
			t.Fatal(err)
		}
		if !again.AlreadyArchived || again.Uploaded != 0 || again.ID != wantID {
			t.Errorf("rerun of an identical dossier: %+v", again)
		}
		entries, err := ta.List(ctx, Filter{Competition: "KZ-2026-01", Kind: "dossier"})
		if err != nil {
			t.Fatal(err)
		}
		if len(entries) != 3 {
			t.Fatalf("ls: %d entries, want 3 (2 volumes and manifest.json): %+v", len(entries), entries)
		}
		for _, e := range entries {
			if e.Stage != 1 || e.Application != "A-0007" || e.Signed || e.RetainUntil != nil || len(e.SHA256) != 64 || e.Size <= 0 {
				t.Errorf("entry %+v", e)
			}
		}
		if entries[0].SHA256 != fileSHA256(t, filepath.Join(dir, "manifest.json")) || entries[1].SHA256 != fileSHA256(t, filepath.Join(dir, "volume-01.pdf")) {
			t.Errorf("recorded hashes differ from the files")
		}
		rep, err := ta.Verify(ctx, "")
		if err != nil || !rep.OK() || rep.Checked != 4 {
			t.Errorf("verify: %+v, %v (want 4 objects incl. the set manifest, no problems)", rep, err)
		}

		// A new build whose volume 2 was changed after the manifest was
		// written is refused, and no manifest of version 2 appears.
		writeDossier(t, dir, 3, 100_000)
		os.WriteFile(filepath.Join(dir, "volume-02.pdf"), []byte("%PDF-1.7 changed"), 0o644)
		ta.opts.Parallel = 1
		_, err = ta.PutDir(ctx, dir, SetSpec{Address: stage1})
		var ae *Error
		if !errors.As(err, &ae) || ae.Key != "archive.err.manifest_mismatch" || !strings.Contains(err.Error(), "volume-02.pdf") {
			t.Errorf("put of a volume that differs from manifest.json: err = %v", err)
		}
		if _, err := ta.Store().Stat(ctx, "KZ-2026-01/stage-1/application/A-0007/dossier/v2/"+SetManifestName); !errors.Is(err, storage.ErrNotExist) {
			t.Errorf("a refused put wrote a manifest: %v", err)
		}
		// Rebuilt correctly, the rerun completes version 2 without sending
		// volume 1 again.
		writeDossier(t, dir, 3, 100_000)
		v2, err := ta.PutDir(ctx, dir, SetSpec{Address: stage1})
		if err != nil || v2.Version != 2 || v2.Skipped != 1 || v2.Uploaded != 3 {
			t.Fatalf("rerun of the new dossier build: %+v, %v (want version 2, 1 skipped, 3 uploaded)", v2, err)
		}
		out := t.TempDir()
		got, err := ta.Get(ctx, "KZ-2026-01/stage-1/application/A-0007/dossier", out)
		if err != nil || len(got) != 4 {
			t.Fatalf("get of the latest dossier: %+v, %v", got, err)
		}
		for _, name := range []string{"volume-01.pdf", "volume-02.pdf", "volume-03.pdf", "manifest.json"} {
			if fileSHA256(t, filepath.Join(out, name)) != fileSHA256(t, filepath.Join(dir, name)) {
				t.Errorf("retrieved %s differs from the original", name)
			}
		}
	})
}

func TestSignedProtocolIsLockedAndFindable(t *testing.T) {
	forEachBackend(t, func(t *testing.T, ta *testArchive) {
		ctx := context.Background()
		src := t.TempDir()
		minutes := filepath.Join(src, "minutes-stage1.kk.pdf")
		writeRandom(t, minutes, 11, 20_000)
		put, err := ta.PutFiles(ctx, []string{minutes}, SetSpec{Address: Address{Competition: "KZ-2026-01", Stage: 1, Document: "minutes-stage1"}, Kind: "minutes"})
		if err != nil {
			t.Fatal(err)
		}
		original := put.ID + "/minutes-stage1.kk.pdf"
		scan := filepath.Join(src, "minutes-stage1-signed.pdf")
		writeRandom(t, scan, 12, 50_000)
		before := time.Now()
		res, err := ta.Sign(ctx, original, scan, "Әлия Сейтқали")
		if err != nil {
			t.Fatal(err)
		}
		if res.OriginalSHA256 != fileSHA256(t, minutes) || res.SHA256 != fileSHA256(t, scan) || res.UploadedBy != "Әлия Сейтқали" {
			t.Errorf("sign result %+v", res)
		}
		if want := before.AddDate(DefaultRetentionYears, 0, 0); res.RetainUntil.Before(want.Add(-time.Minute)) || res.Mode != storage.Governance {
			t.Errorf("retention %v %s, want about %v GOVERNANCE", res.RetainUntil, res.Mode, want)
		}
		// Locked through konkurs's store...
		if err := ta.Store().Delete(ctx, res.ID); !errors.Is(err, storage.ErrLocked) {
			t.Errorf("delete of the signed copy: err = %v, want ErrLocked", err)
		}
		_, err = ta.Store().Put(ctx, res.ID, strings.NewReader("forged"), storage.PutOptions{SHA256: sumString("forged"), Size: 6})
		if !errors.Is(err, storage.ErrLocked) {
			t.Errorf("overwrite of the signed copy: err = %v, want ErrLocked", err)
		}
		// ...and for any S3 client, even one deleting the exact version.
		if ta.s3 != nil {
			err := ta.s3.Client().RemoveObject(ctx, ta.s3.Bucket(), res.ID, minio.RemoveObjectOptions{VersionID: res.VersionID})
			if err == nil {
				t.Errorf("plain minio-go RemoveObject of the signed version succeeded")
			}
		}
		again, err := ta.Sign(ctx, original, scan, "Әлия Сейтқали")
		if err != nil || !again.AlreadySigned {
			t.Errorf("signing the same scan again: %+v, %v", again, err)
		}
		yes := true
		signed, err := ta.List(ctx, Filter{Competition: "KZ-2026-01", Stage: 1, Signed: &yes})
		if err != nil || len(signed) != 1 {
			t.Fatalf("ls --signed: %+v, %v", signed, err)
		}
		e := signed[0]
		if e.ID != res.ID || e.Kind != "minutes" || !e.Signed || e.RetainUntil == nil || e.OriginalID != original || e.UploadedBy != "Әлия Сейтқали" {
			t.Errorf("signed entry %+v", e)
		}
		if rep, err := ta.Verify(ctx, "KZ-2026-01/"); err != nil || !rep.OK() {
			t.Errorf("verify: %+v, %v", rep, err)
		}
		out := t.TempDir()
		got, err := ta.Get(ctx, res.ID, out)
		if err != nil || len(got) != 1 || fileSHA256(t, got[0].Path) != fileSHA256(t, scan) {
			t.Errorf("get of the signed copy: %+v, %v", got, err)
		}
		// Whoever retrieves the generated original learns of the signed
		// copy, and --signed retrieves the copy instead.
		got, err = ta.Get(ctx, put.ID, t.TempDir())
		if err != nil || len(got) != 1 || got[0].ID != original || strings.Join(got[0].SignedCopies, " ") != res.ID {
			t.Errorf("get of the original: %+v, %v; want signed copy %s named", got, err, res.ID)
		}
		got, err = ta.GetWith(ctx, original, t.TempDir(), GetOptions{Signed: true})
		if err != nil || len(got) != 1 || got[0].ID != res.ID || fileSHA256(t, got[0].Path) != fileSHA256(t, scan) {
			t.Errorf("get --signed of the original: %+v, %v", got, err)
		}
		if _, err := ta.Sign(ctx, put.ID+"/"+SetManifestName, scan, "x"); !IsInput(err) {
			t.Errorf("signing a manifest: err = %v, want an input error", err)
		}
		if _, err := ta.Sign(ctx, original, scan, " "); !IsInput(err) {
			t.Errorf("signing without a name: err = %v, want an input error", err)
		}
	})
}

// A version left unfinished by an attempt with other files ends up holding
// exactly what its manifest lists.
func TestRerunWithOtherFilesRemovesStrays(t *testing.T) {
	ta := openLocal(t, Options{})
	ctx := context.Background()
	addr := Address{Competition: "KZ-2026-01", Stage: 1, Document: "minutes"}
	stray := addr.SetID(1) + "/draft.pdf"
	if _, err := ta.Store().Put(ctx, stray, strings.NewReader("draft"), storage.PutOptions{SHA256: sumString("draft"), Size: 5}); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "minutes.pdf")
	writeRandom(t, p, 5, 1000)
	res, err := ta.PutFiles(ctx, []string{p}, SetSpec{Address: addr, Kind: "minutes"})
	if err != nil || res.ID != addr.SetID(1) {
		t.Fatalf("put: %+v, %v", res, err)
	}
	if _, err := ta.Store().Stat(ctx, stray); !errors.Is(err, storage.ErrNotExist) {
		t.Errorf("stray file of the unfinished attempt is still there: %v", err)
	}
}

func TestListFilters(t *testing.T) {
	ta := openLocal(t, Options{})
	ctx := context.Background()
	src := t.TempDir()
	p := filepath.Join(src, "annex1.ru.pdf")
	writeRandom(t, p, 3, 1000)
	day := func(d int) func() time.Time {
		return func() time.Time { return time.Date(2026, 3, d, 10, 0, 0, 0, time.UTC) }
	}
	for i, a := range []Address{
		{Competition: "KZ-2026-01", Stage: 1, Application: "A-1", Document: "annex1"},
		{Competition: "KZ-2026-01", Stage: 2, Application: "A-1", Document: "annex4"},
		{Competition: "KZ-2026-02", Stage: 1, Application: "A-2", Document: "annex1"},
	} {
		ta.opts.Now = day(10 + i)
		kind := map[int]string{0: "annex1", 1: "annex4", 2: "annex1"}[i]
		if _, err := ta.PutFiles(ctx, []string{p}, SetSpec{Address: a, Kind: kind}); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		scenario string
		f        Filter
		want     int
	}{
		{"all", Filter{}, 3},
		{"competition", Filter{Competition: "KZ-2026-01"}, 2},
		{"stage", Filter{Competition: "KZ-2026-01", Stage: 2}, 1},
		{"application", Filter{Competition: "KZ-2026-01", Stage: 1, Application: "A-1"}, 1},
		{"kind", Filter{Kind: "annex1"}, 2},
		{"from", Filter{From: time.Date(2026, 3, 11, 0, 0, 0, 0, time.UTC)}, 2},
		{"range", Filter{From: time.Date(2026, 3, 11, 0, 0, 0, 0, time.UTC), To: time.Date(2026, 3, 11, 23, 0, 0, 0, time.UTC)}, 1},
		{"with manifests", Filter{Manifests: true}, 6},
		{"document", Filter{Document: "annex4"}, 1},
		{"content", Filter{SHA256: fileSHA256(t, p)[:12]}, 3},
		{"other content", Filter{SHA256: "00000000"}, 0},
	} {
		t.Run(tc.scenario, func(t *testing.T) {
			got, err := ta.List(ctx, tc.f)
			if err != nil || len(got) != tc.want {
				t.Errorf("%d entries (%v), want %d: %+v", len(got), err, tc.want, got)
			}
		})
	}
	if _, err := ta.List(ctx, Filter{SHA256: "abc"}); !IsInput(err) {
		t.Errorf("filter with a 3-digit hash: err = %v", err)
	}
	if _, err := ta.List(ctx, Filter{Competition: "../x"}); !IsInput(err) {
		t.Errorf("filter with '..': err = %v", err)
	}
}

func TestFlippedByteIsReportedByVerifyAndGet(t *testing.T) {
	forEachBackend(t, func(t *testing.T, ta *testArchive) {
		ctx := context.Background()
		dir := filepath.Join(t.TempDir(), "dossier")
		writeDossier(t, dir, 2, 200_000)
		res, err := ta.PutDir(ctx, dir, SetSpec{Address: stage1})
		if err != nil {
			t.Fatal(err)
		}
		key := res.ID + "/volume-02.pdf"
		data, _ := os.ReadFile(filepath.Join(dir, "volume-02.pdf"))
		data[100_000] ^= 0x01
		if ta.s3 == nil {
			// A byte flipped on disk (bit rot, or someone editing the file).
			if err := os.WriteFile(filepath.Join(ta.dir, "objects", filepath.FromSlash(key)), data, 0o644); err != nil {
				t.Fatal(err)
			}
		} else {
			// A second writer through the S3 API: a new version, even one
			// that copies konkurs's metadata.
			_, err := ta.s3.Client().PutObject(ctx, ta.s3.Bucket(), key, bytes.NewReader(data), int64(len(data)),
				minio.PutObjectOptions{UserMetadata: map[string]string{"konkurs-sha256": res.Manifest.Files[1].SHA256}})
			if err != nil {
				t.Fatal(err)
			}
		}
		rep, err := ta.Verify(ctx, "")
		if err != nil {
			t.Fatal(err)
		}
		probs := problemsOf(rep)
		if !strings.Contains(probs[key], ProblemCorrupt) || len(probs) != 1 {
			t.Errorf("verify problems %v, want %s corrupt", probs, key)
		}
		if ta.s3 != nil && !strings.Contains(probs[key], ProblemReplaced) {
			t.Errorf("verify did not notice the version was replaced: %v", probs)
		}
		out := t.TempDir()
		_, err = ta.Get(ctx, key, out)
		var ae *Error
		if !errors.As(err, &ae) || ae.Key != "archive.err.corrupt" {
			t.Errorf("get of the flipped object: err = %v, want archive.err.corrupt", err)
		}
		if left, _ := os.ReadDir(out); len(left) != 0 {
			t.Errorf("get of a corrupt object left files: %v", left)
		}
	})
}

func TestMissingObjectIsReported(t *testing.T) {
	ta := openLocal(t, Options{})
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "dossier")
	writeDossier(t, dir, 2, 10_000)
	res, err := ta.PutDir(ctx, dir, SetSpec{Address: stage1})
	if err != nil {
		t.Fatal(err)
	}
	if err := ta.Store().Delete(ctx, res.ID+"/volume-01.pdf"); err != nil {
		t.Fatal(err)
	}
	rep, err := ta.Verify(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	if p := problemsOf(rep); p[res.ID+"/volume-01.pdf"] != ProblemMissing+" " || len(p) != 1 {
		t.Errorf("problems %v", p)
	}
}

func sumString(s string) string { return fileSHA256FromBytes([]byte(s)) }

func fileSHA256FromBytes(b []byte) string {
	r := bytes.NewReader(b)
	h := newSHA256()
	io.Copy(h, r)
	return hexSum(h)
}

// get --out never replaces a file that is already there, unless forced;
// nothing at all is written when one of a set's files exists.
func TestGetRefusesToOverwriteUnlessForced(t *testing.T) {
	ta := openLocal(t, Options{})
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "dossier")
	writeDossier(t, dir, 2, 10_000)
	res, err := ta.PutDir(ctx, dir, SetSpec{Address: stage1})
	if err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	mine := filepath.Join(out, "volume-02.pdf")
	os.WriteFile(mine, []byte("the user's own file"), 0o644)
	_, err = ta.Get(ctx, res.ID, out)
	var ae *Error
	if !errors.As(err, &ae) || ae.Key != "archive.err.out_file_exists" || !IsInput(err) || !strings.Contains(err.Error(), mine) {
		t.Fatalf("get into a folder holding volume-02.pdf: %v, want an input error naming %s", err, mine)
	}
	if data, _ := os.ReadFile(mine); string(data) != "the user's own file" {
		t.Errorf("the existing file was replaced: %q", data)
	}
	if _, err := os.Stat(filepath.Join(out, "volume-01.pdf")); err == nil {
		t.Errorf("get wrote volume-01.pdf before refusing")
	}
	got, err := ta.GetWith(ctx, res.ID, out, GetOptions{Force: true})
	if err != nil || len(got) != 3 {
		t.Fatalf("get --force: %+v, %v", got, err)
	}
	if fileSHA256(t, mine) != fileSHA256(t, filepath.Join(dir, "volume-02.pdf")) {
		t.Errorf("get --force did not replace volume-02.pdf")
	}
	if _, err := ta.GetWith(ctx, res.ID+"/volume-01.pdf", out, GetOptions{Signed: true}); !IsInput(err) {
		t.Errorf("get --signed of a document never signed: %v, want an input error", err)
	}
}

// Files named as people name them ("Протокол 1.pdf") are stored under
// that name on both backends, listed, retrieved, verified and bagged.
func TestFileNamesWithSpacesAndCyrillicRoundTrip(t *testing.T) {
	forEachBackend(t, func(t *testing.T, ta *testArchive) {
		ctx := context.Background()
		src := t.TempDir()
		names := []string{"Протокол 1.pdf", "Хаттама № 2 (қол қойылған) 100%.pdf"}
		var paths []string
		for i, n := range names {
			p := filepath.Join(src, n)
			writeRandom(t, p, uint64(40+i), 3_000)
			paths = append(paths, p)
		}
		res, err := ta.PutFiles(ctx, paths, SetSpec{Address: Address{Competition: "KZ-2026-01", Stage: 1}, Kind: "protocol"})
		if err != nil {
			t.Fatal(err)
		}
		if res.ID != "KZ-2026-01/stage-1/protocol/Протокол-1/v1" {
			t.Errorf("set ID %s: the document identifier is the first name with its space made a '-'", res.ID)
		}
		entries, err := ta.List(ctx, Filter{Competition: "KZ-2026-01"})
		if err != nil || len(entries) != 2 || entries[0].File != names[0] || entries[1].File != names[1] {
			t.Fatalf("ls: %+v, %v", entries, err)
		}
		out := t.TempDir()
		got, err := ta.Get(ctx, res.ID, out)
		if err != nil || len(got) != 2 {
			t.Fatalf("get: %+v, %v", got, err)
		}
		for i, n := range names {
			if fileSHA256(t, filepath.Join(out, n)) != fileSHA256(t, paths[i]) {
				t.Errorf("%s came back different", n)
			}
		}
		if rep, err := ta.Verify(ctx, ""); err != nil || !rep.OK() || rep.Checked != 3 {
			t.Errorf("verify: %+v, %v", rep, err)
		}
		bag := filepath.Join(t.TempDir(), "bag")
		if _, err := ta.ExportBagIt(ctx, res.ID, bag, BagOptions{}); err != nil {
			t.Fatal(err)
		}
		if problems, err := ValidateBag(bag); err != nil || len(problems) != 0 {
			t.Errorf("bag of names with spaces and '%%': %v, %v", problems, err)
		}
		manifest, _ := os.ReadFile(filepath.Join(bag, "manifest-sha256.txt"))
		if !strings.Contains(string(manifest), "data/Хаттама № 2 (қол қойылған) 100%25.pdf") {
			t.Errorf("'%%' is not escaped in the bag manifest (RFC 8493 2.1.3):\n%s", manifest)
		}
	})
}
