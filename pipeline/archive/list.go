package archive

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/konkurs/konkurs/storage"
)

// Entry is one object as archive staff see it (ls, --json).
type Entry struct {
	ID             string     `json:"id"`
	Kind           string     `json:"kind"`
	Competition    string     `json:"competition"`
	Stage          int        `json:"stage"`
	Application    string     `json:"application,omitempty"`
	Document       string     `json:"document"`
	Version        int        `json:"version"`
	File           string     `json:"file"`
	Role           string     `json:"role"` // file, manifest or signed
	SHA256         string     `json:"sha256"`
	Size           int64      `json:"size"`
	Signed         bool       `json:"signed"`
	RetainUntil    *time.Time `json:"retain_until"`
	ArchivedAt     time.Time  `json:"archived_at"`
	UploadedBy     string     `json:"uploaded_by,omitempty"`
	OriginalID     string     `json:"original_id,omitempty"`
	OriginalSHA256 string     `json:"original_sha256,omitempty"`
	VersionID      string     `json:"version_id,omitempty"`
}

// Filter selects entries; zero fields match everything.
type Filter struct {
	Competition string
	Stage       int
	Application string
	Kind        string
	Document    string
	// SHA256 finds the objects with this content (a prefix of at least 8
	// hex digits is enough): "is this file in the archive, and where?"
	SHA256   string
	From, To time.Time // archived within [From, To]
	Signed   *bool
	// Manifests includes the sets' manifests, hidden by default.
	Manifests bool
}

// prefix narrows the listing to the smallest key prefix the filter allows.
func (f Filter) prefix() string {
	if f.Competition == "" {
		return ""
	}
	p := f.Competition + "/"
	if f.Stage == 0 {
		return p
	}
	p += "stage-" + strconv.Itoa(f.Stage) + "/"
	if f.Application != "" {
		p += applicationSegment + "/" + f.Application + "/"
	}
	return p
}

// Validate checks the identifiers of the filter.
func (f Filter) Validate() error {
	for _, c := range []struct{ field, v string }{{"competition", f.Competition}, {"application", f.Application}, {"kind", f.Kind}, {"document", f.Document}} {
		if c.v != "" {
			if err := validIdent(c.field, c.v); err != nil {
				return err
			}
		}
	}
	if f.SHA256 != "" && (len(f.SHA256) < 8 || storage.ValidateSHA256(f.SHA256+strings.Repeat("0", 64-min(64, len(f.SHA256)))) != nil) {
		return newError("archive.err.sha256", nil, "value", f.SHA256)
	}
	if f.Stage != 0 && f.Stage != 1 && f.Stage != 2 {
		return newError("archive.err.stage", nil, "value", strconv.Itoa(f.Stage))
	}
	return nil
}

// List returns the entries matching the filter, in key order.
func (a *Archive) List(ctx context.Context, f Filter) ([]Entry, error) {
	if err := f.Validate(); err != nil {
		return nil, err
	}
	var out []Entry
	err := a.store.List(ctx, f.prefix(), func(o storage.ObjectInfo) error {
		e, ok := entryOf(o)
		if ok && f.match(e) {
			out = append(out, e)
		}
		return nil
	})
	if err != nil {
		return nil, a.storeError(f.prefix(), err)
	}
	return out, nil
}

func (f Filter) match(e Entry) bool {
	switch {
	case e.Role == roleManifest && !f.Manifests:
		return false
	case f.Competition != "" && e.Competition != f.Competition:
		return false
	case f.Stage != 0 && e.Stage != f.Stage:
		return false
	case f.Application != "" && e.Application != f.Application:
		return false
	case f.Kind != "" && e.Kind != f.Kind:
		return false
	case f.Document != "" && e.Document != f.Document:
		return false
	case f.SHA256 != "" && !strings.HasPrefix(e.SHA256, f.SHA256):
		return false
	case !f.From.IsZero() && e.ArchivedAt.Before(f.From):
		return false
	case !f.To.IsZero() && e.ArchivedAt.After(f.To):
		return false
	case f.Signed != nil && e.Signed != *f.Signed:
		return false
	}
	return true
}

// entryOf reads an object's place from its key (authoritative) and the rest
// from its metadata; keys outside the layout are not archive entries.
func entryOf(o storage.ObjectInfo) (Entry, bool) {
	addr, version, rest, ok := parseKey(o.Key)
	if !ok {
		return Entry{}, false
	}
	md := o.Metadata
	e := Entry{
		ID: o.Key, Kind: md["kind"], Competition: addr.Competition, Stage: addr.Stage,
		Application: addr.Application, Document: addr.Document, Version: version,
		File: rest, Role: md["role"], SHA256: o.SHA256, Size: o.Size,
		UploadedBy: md["uploaded-by"], OriginalID: md["original-id"], OriginalSHA256: md["original-sha256"],
		VersionID: o.VersionID,
	}
	if e.Role == "" {
		e.Role = roleFile
		if rest == SetManifestName {
			e.Role = roleManifest
		}
	}
	e.Signed = e.Role == roleSigned
	if !o.RetainUntil.IsZero() {
		t := o.RetainUntil
		e.RetainUntil = &t
	}
	if t, err := time.Parse(time.RFC3339, md["archived-at"]); err == nil {
		e.ArchivedAt = t.UTC()
	} else {
		e.ArchivedAt = o.Modified.UTC()
	}
	return e, true
}
