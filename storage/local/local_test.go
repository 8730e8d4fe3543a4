package local

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/konkurs/konkurs/storage"
	"github.com/konkurs/konkurs/storage/storagetest"
)

func TestConformance(t *testing.T) {
	storagetest.Suite{NewStore: func(t *testing.T) storage.Store {
		s, err := Open(t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		return s
	}}.Run(t)
}

// Reading commands open the store with OpenExisting: a directory where no
// archive was ever created is reported as not existing, and left untouched.
func TestOpenExistingDoesNotCreateTheStore(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "konkurs-data", "archive")
	if _, err := OpenExisting(dir); !errors.Is(err, storage.ErrNotExist) {
		t.Fatalf("OpenExisting of a missing directory: %v, want ErrNotExist", err)
	}
	if _, err := os.Stat(filepath.Dir(dir)); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("OpenExisting created %s", filepath.Dir(dir))
	}
	// An empty directory someone made by hand is not an archive either.
	os.MkdirAll(dir, 0o755)
	if _, err := OpenExisting(dir); !errors.Is(err, storage.ErrNotExist) {
		t.Fatalf("OpenExisting of an empty directory: %v, want ErrNotExist", err)
	}
	if left, _ := os.ReadDir(dir); len(left) != 0 {
		t.Fatalf("OpenExisting wrote into an empty directory: %v", left)
	}
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = OpenExisting(dir)
	if err != nil {
		t.Fatalf("OpenExisting of a created store: %v", err)
	}
	s.Close()
}
