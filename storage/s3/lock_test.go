package s3

import (
	"bytes"
	"context"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/minio/minio-go/v7"

	"github.com/konkurs/konkurs/storage"
	"github.com/konkurs/konkurs/storage/s3/miniotest"
	"github.com/konkurs/konkurs/storage/storagetest"
)

// The lock is S3's own: a plain S3 client that deletes the exact version
// or overwrites the key cannot remove or alter the retained content.
func TestLockHoldsForAnyS3Client(t *testing.T) {
	srv := miniotest.Start(t)
	st := openBucket(t, srv)
	ctx := context.Background()
	data := []byte("signed protocol")
	info, err := st.Put(ctx, "p/signed.pdf", bytes.NewReader(data), storage.PutOptions{
		SHA256: storagetest.SumBytes(data), Size: int64(len(data)), RetainUntil: time.Now().Add(time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	if info.VersionID == "" {
		t.Fatal("no version ID recorded")
	}
	c := st.Client()
	err = c.RemoveObject(ctx, st.Bucket(), "p/signed.pdf", minio.RemoveObjectOptions{VersionID: info.VersionID})
	if err == nil {
		t.Fatal("plain S3 delete of the locked version succeeded")
	}
	// A second writer can only add a version on top; konkurs sees that the
	// current content no longer matches any recorded hash.
	forged := []byte("forged protocol")
	if _, err := c.PutObject(ctx, st.Bucket(), "p/signed.pdf", bytes.NewReader(forged), int64(len(forged)), minio.PutObjectOptions{}); err != nil {
		t.Fatal(err)
	}
	rc, _, err := st.Get(ctx, "p/signed.pdf")
	if err != nil {
		t.Fatal(err)
	}
	_, err = io.ReadAll(rc)
	rc.Close()
	if !errors.Is(err, storage.ErrChecksum) {
		t.Errorf("get of a version written around konkurs: err = %v, want ErrChecksum", err)
	}
	obj, err := c.GetObject(ctx, st.Bucket(), "p/signed.pdf", minio.GetObjectOptions{VersionID: info.VersionID})
	if err != nil {
		t.Fatal(err)
	}
	kept, err := io.ReadAll(obj)
	if err != nil || !bytes.Equal(kept, data) {
		t.Errorf("locked version now reads %q, %v", kept, err)
	}
}

func TestParseURL(t *testing.T) {
	for _, tc := range []struct {
		scenario, url, want, err string
	}{
		{"TLS by default", "s3://minio.example.kz:9000/archive", "s3://minio.example.kz:9000/archive", ""},
		{"insecure", "s3://127.0.0.1:9000/archive?insecure=true", "s3://127.0.0.1:9000/archive?insecure=true", ""},
		{"no port", "s3://minio.example.kz/archive", "", "HOST:PORT"},
		{"no bucket", "s3://127.0.0.1:9000/", "", "bucket"},
		{"credentials in URL", "s3://key:secret@127.0.0.1:9000/archive", "", "AWS_ACCESS_KEY_ID"},
		{"unknown option", "s3://127.0.0.1:9000/archive?tls=off", "", "unknown option"},
	} {
		t.Run(tc.scenario, func(t *testing.T) {
			c, err := ParseURL(tc.url)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("err = %v, want it to mention %q", err, tc.err)
				}
				if strings.Contains(err.Error(), "secret") {
					t.Errorf("error prints the secret: %v", err)
				}
				return
			}
			if err != nil || c.String() != tc.want {
				t.Errorf("got %q, %v; want %q", c.String(), err, tc.want)
			}
		})
	}
}

// GOVERNANCE can be lifted by an administrator who asks to bypass it;
// COMPLIANCE by nobody. This is why the mode is a configuration choice.
func TestComplianceResistsGovernanceBypass(t *testing.T) {
	srv := miniotest.Start(t)
	st := openBucket(t, srv)
	ctx := context.Background()
	for _, tc := range []struct {
		mode      storage.RetentionMode
		removable bool
	}{{storage.Governance, true}, {storage.Compliance, false}} {
		data := []byte("signed " + string(tc.mode))
		key := "p/" + string(tc.mode)
		info, err := st.Put(ctx, key, bytes.NewReader(data), storage.PutOptions{
			SHA256: storagetest.SumBytes(data), Size: int64(len(data)), RetainUntil: time.Now().Add(time.Hour), Mode: tc.mode})
		if err != nil {
			t.Fatal(err)
		}
		err = st.Client().RemoveObject(ctx, st.Bucket(), key, minio.RemoveObjectOptions{VersionID: info.VersionID, GovernanceBypass: true})
		if removable := err == nil; removable != tc.removable {
			t.Errorf("%s: administrator delete with bypass: err = %v, want removable=%v", tc.mode, err, tc.removable)
		}
	}
}
