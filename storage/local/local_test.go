package local

import (
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
