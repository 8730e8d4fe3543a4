package archive

import (
	"fmt"
	"path"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxIdentLen bounds every identifier in a key (bytes), so that the longest
// key stays well inside S3's 1024-byte limit.
const MaxIdentLen = 100

// validIdent accepts letters (any script: identifiers may be Kazakh or
// Russian), digits, '-', '_' and '.', not starting with '.': this refuses
// "..", absolute paths, separators, NUL and control characters at once.
func validIdent(field, v string) error {
	switch {
	case v == "":
		return newError("archive.err.field_empty", nil, "field", field)
	case len(v) > MaxIdentLen:
		return newError("archive.err.field_long", nil, "field", field, "value", shorten(v), "max", strconv.Itoa(MaxIdentLen))
	case !utf8.ValidString(v) || strings.HasPrefix(v, "."):
		return newError("archive.err.field_bad", nil, "field", field, "value", fmt.Sprintf("%q", v))
	}
	for _, r := range v {
		if !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_' || r == '.') {
			return newError("archive.err.field_bad", nil, "field", field, "value", fmt.Sprintf("%q", v))
		}
	}
	return nil
}

func shorten(s string) string {
	if len(s) <= 40 {
		return fmt.Sprintf("%q", s)
	}
	return fmt.Sprintf("%q…", s[:40])
}

// Address places a document in the procedure: competition → stage →
// application (or the stage's protocols) → document.
type Address struct {
	Competition string
	Stage       int    // Items 6–7: the competition has two stages
	Application string // empty for protocols and minutes of the stage
	Document    string
}

// Validate checks every part of the address.
func (a Address) Validate() error {
	if err := validIdent("competition", a.Competition); err != nil {
		return err
	}
	if a.Stage != 1 && a.Stage != 2 {
		return newError("archive.err.stage", nil, "value", strconv.Itoa(a.Stage))
	}
	if a.Application != "" {
		if err := validIdent("application", a.Application); err != nil {
			return err
		}
	}
	return validIdent("document", a.Document)
}

const (
	applicationSegment = "application"
	protocolSegment    = "protocol"
	signedSegment      = "signed"
	// SetManifestName is the object written last in every set.
	SetManifestName = "archive-manifest.json"
)

// Prefix is the key prefix of the document's versions, ending in "/".
func (a Address) Prefix() string {
	stage := "stage-" + strconv.Itoa(a.Stage)
	if a.Application != "" {
		return path.Join(a.Competition, stage, applicationSegment, a.Application, a.Document) + "/"
	}
	return path.Join(a.Competition, stage, protocolSegment, a.Document) + "/"
}

// SetID is the identifier of version v of the document: the prefix of its
// objects without the trailing slash.
func (a Address) SetID(version int) string {
	return a.Prefix() + "v" + strconv.Itoa(version)
}

// parseKey recovers the address, version and file from an object key, or
// reports false for keys outside the layout.
func parseKey(key string) (a Address, version int, rest string, ok bool) {
	parts := strings.Split(key, "/")
	if len(parts) < 5 {
		return a, 0, "", false
	}
	a.Competition = parts[0]
	st, found := strings.CutPrefix(parts[1], "stage-")
	if !found {
		return a, 0, "", false
	}
	n, err := strconv.Atoi(st)
	if err != nil {
		return a, 0, "", false
	}
	a.Stage = n
	i := 3
	switch parts[2] {
	case applicationSegment:
		a.Application, a.Document = parts[3], parts[4]
		i = 5
	case protocolSegment:
		a.Document = parts[3]
		i = 4
	default:
		return a, 0, "", false
	}
	if len(parts) <= i+1 {
		return a, 0, "", false
	}
	v, found := strings.CutPrefix(parts[i], "v")
	if !found {
		return a, 0, "", false
	}
	version, err = strconv.Atoi(v)
	if err != nil || version < 1 {
		return a, 0, "", false
	}
	return a, version, strings.Join(parts[i+1:], "/"), true
}

// MaxFileNameLen bounds a stored file's name (bytes: about 100 Cyrillic
// letters), so that with the longest identifiers a key stays inside S3's
// 1024-byte limit.
const MaxFileNameLen = 200

// windowsForbidden are refused in file names because get must be able to
// write the file back on the archive staff's Windows machines.
const windowsForbidden = `<>:"|?*`

// validFileName checks the name a file is stored under. Names are kept as
// people gave them — spaces, Cyrillic, Kazakh letters, "№", brackets —
// since archive staff look for "Протокол 1.pdf", not a mangled form. What
// could escape the set's directory, hide in a listing or not be written
// back on Windows is refused: '/', '\', a leading '.', control and
// invisible (format) characters, spaces other than the ordinary one, a
// space or '.' at the end, <>:"|?*, and over-long names.
func validFileName(name string) error {
	bad := func(rule string, args ...string) error {
		return newError("archive.err.file_name", newError(rule, nil, args...), "file", shorten(name))
	}
	switch {
	case name == "":
		return bad("archive.file_rule.empty")
	case len(name) > MaxFileNameLen:
		return bad("archive.file_rule.long", "max", strconv.Itoa(MaxFileNameLen))
	case !utf8.ValidString(name):
		return bad("archive.file_rule.utf8")
	case strings.HasPrefix(name, "."):
		return bad("archive.file_rule.dot")
	case strings.HasPrefix(name, " ") || strings.HasSuffix(name, " ") || strings.HasSuffix(name, "."):
		return bad("archive.file_rule.ends")
	case name == SetManifestName || name == signedSegment:
		return bad("archive.file_rule.reserved")
	}
	for _, r := range name {
		if r == '/' || r == '\\' || strings.ContainsRune(windowsForbidden, r) ||
			unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || (unicode.IsSpace(r) && r != ' ') {
			return bad("archive.file_rule.char", "char", describeRune(r))
		}
	}
	return nil
}

// identFromName turns a file or directory name into a document
// identifier, for when none is given: "Протокол 1" becomes "Протокол-1".
// Every run of characters an identifier cannot hold becomes one '-'.
func identFromName(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range name {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_' || r == '.' {
			b.WriteRune(r)
			dash = false
		} else if !dash {
			b.WriteByte('-')
			dash = true
		}
	}
	id := strings.Trim(b.String(), "-.")
	for len(id) > MaxIdentLen {
		_, size := utf8.DecodeLastRuneInString(id)
		id = id[:len(id)-size]
	}
	return id
}

// describeRune shows a character so that people can find it: itself when
// it is visible, and always its code (invisible ones have only that).
func describeRune(r rune) string {
	if unicode.IsGraphic(r) && !unicode.IsSpace(r) && !unicode.Is(unicode.Cf, r) {
		return fmt.Sprintf("%q (%U)", r, r)
	}
	return fmt.Sprintf("%U", r)
}
