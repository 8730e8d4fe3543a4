package archive

import (
	"bytes"
	"context"
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"github.com/konkurs/konkurs/storage"
)

// SignResult describes a stored signed copy.
type SignResult struct {
	ID             string
	OriginalID     string
	OriginalSHA256 string
	SHA256         string
	Size           int64
	UploadedBy     string
	UploadedAt     time.Time
	RetainUntil    time.Time
	Mode           storage.RetentionMode
	VersionID      string
	AlreadySigned  bool // the same signed file was stored before: nothing done
}

// Sign stores the signed scan or signed PDF of a generated document already
// in the archive (originalID is its object ID), links it to the original by
// the original's SHA-256, records who uploaded it and when, and locks it for
// the configured retention: it can then be neither overwritten nor deleted,
// through konkurs or directly through the storage.
func (a *Archive) Sign(ctx context.Context, originalID, signedPath, uploadedBy string) (SignResult, error) {
	uploadedBy = strings.TrimSpace(uploadedBy)
	if uploadedBy == "" || len(uploadedBy) > 200 || strings.ContainsFunc(uploadedBy, func(r rune) bool { return r < ' ' }) {
		return SignResult{}, newError("archive.err.signer", nil)
	}
	addr, version, rest, ok := parseKey(originalID)
	if !ok || strings.Contains(rest, "/") || rest == SetManifestName {
		return SignResult{}, newError("archive.err.sign_target", nil, "id", originalID)
	}
	orig, err := a.store.Stat(ctx, originalID)
	if err != nil {
		return SignResult{}, a.storeError(originalID, err)
	}
	if orig.SHA256 == "" {
		return SignResult{}, newError("archive.err.corrupt", storage.ErrChecksum, "id", originalID)
	}
	name := filepath.Base(signedPath)
	if err := validFileName(name); err != nil {
		return SignResult{}, err
	}
	if err := checkSignedContent(signedPath); err != nil {
		return SignResult{}, err
	}
	sum, err := hashFile(ctx, signedPath)
	if err != nil {
		return SignResult{}, err
	}
	st, err := os.Stat(signedPath)
	if err != nil {
		return SignResult{}, newError("archive.err.file_read", err, "file", signedPath)
	}
	key := path.Join(addr.SetID(version), signedSegment, name)
	if old, err := a.store.Stat(ctx, key); err == nil {
		if old.SHA256 == sum {
			return signResult(key, old, true), nil
		}
		return SignResult{}, newError("archive.err.already_signed", nil, "id", key)
	}
	now := a.now().Truncate(time.Second)
	md := map[string]string{
		"kind": orig.Metadata["kind"], "competition": addr.Competition, "stage": orig.Metadata["stage"],
		"document": addr.Document, "version": orig.Metadata["version"], "file": name, "role": roleSigned,
		"original-id": originalID, "original-sha256": orig.SHA256,
		"uploaded-by": uploadedBy, "uploaded-at": now.Format(time.RFC3339), "archived-at": now.Format(time.RFC3339),
	}
	if addr.Application != "" {
		md["application"] = addr.Application
	}
	for k, v := range md {
		if v == "" {
			delete(md, k)
		}
	}
	f, err := os.Open(signedPath)
	if err != nil {
		return SignResult{}, newError("archive.err.file_read", err, "file", signedPath)
	}
	defer f.Close()
	info, err := a.store.Put(ctx, key, f, storage.PutOptions{
		SHA256: sum, Size: st.Size(), ContentType: contentType(name), Metadata: md,
		RetainUntil: now.AddDate(a.opts.RetentionYears, 0, 0), Mode: a.opts.Mode, NoOverwrite: true,
	})
	if err != nil {
		return SignResult{}, a.storeError(key, err)
	}
	return signResult(key, info, false), nil
}

func signResult(key string, o storage.ObjectInfo, already bool) SignResult {
	at, _ := time.Parse(time.RFC3339, o.Metadata["uploaded-at"])
	return SignResult{
		ID: key, OriginalID: o.Metadata["original-id"], OriginalSHA256: o.Metadata["original-sha256"],
		SHA256: o.SHA256, Size: o.Size, UploadedBy: o.Metadata["uploaded-by"], UploadedAt: at,
		RetainUntil: o.RetainUntil, Mode: o.Mode, VersionID: o.VersionID, AlreadySigned: already,
	}
}

// checkSignedContent refuses a file that is neither a PDF nor a scanned
// image (JPEG, PNG, TIFF) before it is locked for years: a wrong file
// picked by mistake could otherwise be neither replaced nor deleted.
func checkSignedContent(p string) error {
	f, err := os.Open(p)
	if err != nil {
		return newError("archive.err.file_read", err, "file", p)
	}
	defer f.Close()
	head := make([]byte, 1024)
	n, _ := io.ReadFull(f, head)
	head = head[:n]
	// PDF readers accept the header anywhere in the first 1024 bytes.
	if bytes.Contains(head, []byte("%PDF-")) {
		return nil
	}
	for _, magic := range [][]byte{{0xFF, 0xD8, 0xFF}, []byte("\x89PNG\r\n\x1a\n"), []byte("II*\x00"), []byte("MM\x00*")} {
		if bytes.HasPrefix(head, magic) {
			return nil
		}
	}
	return newError("dossier.err.not_pdf", nil, "file", p)
}
