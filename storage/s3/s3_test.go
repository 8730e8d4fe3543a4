package s3

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"
	"testing"

	"github.com/konkurs/konkurs/storage"
	"github.com/konkurs/konkurs/storage/s3/miniotest"
	"github.com/konkurs/konkurs/storage/storagetest"
)

var buckets atomic.Int64

// openBucket opens a fresh bucket on srv.
func openBucket(t testing.TB, srv *miniotest.Server) *Store {
	cfg, err := ParseURL(srv.URL(fmt.Sprintf("conformance-%d", buckets.Add(1))))
	if err != nil {
		t.Fatal(err)
	}
	cfg.AccessKey, cfg.SecretKey = srv.AccessKey, srv.SecretKey
	s, err := Open(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestConformance(t *testing.T) {
	srv := miniotest.Start(t)
	storagetest.Suite{NewStore: func(t *testing.T) storage.Store { return openBucket(t, srv) }}.Run(t)
}

// With MustExist, a missing bucket is reported and not created.
func TestMustExistDoesNotCreateTheBucket(t *testing.T) {
	ctx := context.Background()
	srv := miniotest.Start(t)
	probe := openBucket(t, srv)
	cfg, err := ParseURL(srv.URL("not-created-yet"))
	if err != nil {
		t.Fatal(err)
	}
	cfg.AccessKey, cfg.SecretKey, cfg.MustExist = srv.AccessKey, srv.SecretKey, true
	if _, err := Open(ctx, cfg); !errors.Is(err, storage.ErrNotExist) {
		t.Fatalf("Open with MustExist of a missing bucket: %v, want ErrNotExist", err)
	}
	if exists, err := probe.Client().BucketExists(ctx, "not-created-yet"); err != nil || exists {
		t.Fatalf("Open with MustExist created the bucket (exists %v, %v)", exists, err)
	}
	cfg.MustExist = false
	if _, err := Open(ctx, cfg); err != nil {
		t.Fatal(err)
	}
	cfg.MustExist = true
	if _, err := Open(ctx, cfg); err != nil {
		t.Fatalf("Open with MustExist of an existing bucket: %v", err)
	}
}
