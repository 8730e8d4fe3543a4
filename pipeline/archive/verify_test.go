package archive

import (
	"context"
	"testing"
)

// Verifying a prefix under which nothing is stored is a mistyped ID, an
// input error naming it; verifying the whole of an empty archive is fine.
func TestVerifyOfAPrefixWithNothingIsNotFound(t *testing.T) {
	ta := openLocal(t, Options{})
	ctx := context.Background()
	_, err := ta.Verify(ctx, "KZ-2026-01/stage-1/application/A-9999/")
	if err == nil || !IsInput(err) {
		t.Fatalf("verify of an unknown prefix: %v, want a not-found input error", err)
	}
	if e, ok := err.(*Error); !ok || e.Key != "archive.err.not_found" {
		t.Fatalf("error %#v, want archive.err.not_found", err)
	}
	if rep, err := ta.Verify(ctx, ""); err != nil || !rep.OK() || rep.Checked != 0 {
		t.Fatalf("verify of an empty archive: %+v, %v", rep, err)
	}
}
