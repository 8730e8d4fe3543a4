package archive

import (
	"github.com/konkurs/konkurs/catalog"
)

// Error is a failure a user can act on. Key names the message in the
// catalog (catalog/messages/archive.*.yaml); Args fill its placeholders, so
// the command line shows it in the user's language.
type Error struct {
	Key  string
	Args []string // name, value, name, value, ...
	Err  error    // the cause, if any
}

func (e *Error) Error() string { return e.Message(catalog.EN) }

// Message is the error in lang, with its cause appended.
func (e *Error) Message(lang catalog.Lang) string {
	args := append([]string(nil), e.Args...)
	for i := 0; i+1 < len(args); i += 2 {
		// Field names are shown in the user's language too.
		if args[i] == "field" && catalog.Has(lang, "archive.field."+args[i+1]) {
			args[i+1] = catalog.T(lang, "archive.field."+args[i+1])
		}
	}
	s := catalog.T(lang, e.Key, args...)
	if c := causeText(lang, e.Key, e.Err); c != "" {
		s += ": " + c
	}
	return s
}

func (e *Error) Unwrap() error { return e.Err }

func newError(key string, cause error, args ...string) *Error {
	return &Error{Key: key, Args: args, Err: cause}
}

// IsInput reports whether err comes from the user's input (identifiers,
// files, flags) rather than from the archive or the network.
func IsInput(err error) bool {
	e, ok := err.(*Error)
	return ok && inputKeys[e.Key]
}

var inputKeys = map[string]bool{
	"archive.err.field_empty": true, "archive.err.field_bad": true, "archive.err.field_long": true,
	"archive.err.stage": true, "archive.err.file_name": true,
	"archive.err.file_read": true, "archive.err.no_files": true, "archive.err.duplicate_file": true,
	"archive.err.dossier_manifest": true, "archive.err.manifest_mismatch": true,
	"archive.err.out_exists": true, "archive.err.signer": true, "archive.err.url": true,
	"archive.err.retention": true, keyNoArchive: true, "archive.err.out_file_exists": true, "archive.err.not_signed": true, "archive.err.sha256": true, "archive.err.retention_mode": true, "archive.err.credentials": true, "archive.err.not_found": true, "archive.err.sign_target": true,
	"dossier.err.not_pdf": true,
}
