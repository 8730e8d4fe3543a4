package archive

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// A file that is neither a PDF nor a scanned image is refused before it is
// locked for years; a JPEG scan is accepted.
func TestSignRefusesAFileThatIsNotAPDFOrAScan(t *testing.T) {
	ta := openLocal(t, Options{})
	ctx := context.Background()
	src := t.TempDir()
	minutes := filepath.Join(src, "minutes.kk.pdf")
	writeRandom(t, minutes, 21, 5_000)
	put, err := ta.PutFiles(ctx, []string{minutes}, SetSpec{Address: Address{Competition: "KZ-2026-01", Stage: 1, Document: "minutes"}, Kind: "minutes"})
	if err != nil {
		t.Fatal(err)
	}
	original := put.ID + "/minutes.kk.pdf"

	notes := filepath.Join(src, "signed.pdf")
	os.WriteFile(notes, []byte("scan to follow\n"), 0o644)
	if _, err := ta.Sign(ctx, original, notes, "Әлия"); !IsInput(err) {
		t.Fatalf("sign with a text file named .pdf: %v, want an input error", err)
	} else if e := err.(*Error); e.Key != "dossier.err.not_pdf" {
		t.Fatalf("error key %s", e.Key)
	}
	signed := true
	entries, err := ta.List(ctx, Filter{Signed: &signed})
	if err != nil || len(entries) != 0 {
		t.Fatalf("signed copies after a refused sign: %v, %v", entries, err)
	}

	scan := filepath.Join(src, "signed.jpg")
	os.WriteFile(scan, append([]byte{0xFF, 0xD8, 0xFF, 0xE0}, make([]byte, 100)...), 0o644)
	if _, err := ta.Sign(ctx, original, scan, "Әлия"); err != nil {
		t.Fatalf("sign with a JPEG scan: %v", err)
	}
}
