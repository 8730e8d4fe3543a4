package s3

import (
	"context"
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
