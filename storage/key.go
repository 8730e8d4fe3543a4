package storage

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxKeyLen is the S3 limit on key length in bytes; the local store keeps it
// too so that an archive can move between backends.
const MaxKeyLen = 1024

// ValidateKey refuses keys that could escape a directory or confuse a
// backend: empty, absolute, empty or dot segments, backslashes, NUL and other
// control characters, invalid UTF-8, longer than MaxKeyLen.
func ValidateKey(key string) error {
	bad := func(why string) error {
		return &ObjectError{Op: "key", Key: fmt.Sprintf("%q", key), Err: fmt.Errorf("%w: %s", ErrInvalidKey, why)}
	}
	switch {
	case key == "":
		return bad("empty")
	case len(key) > MaxKeyLen:
		return bad(fmt.Sprintf("longer than %d bytes", MaxKeyLen))
	case !utf8.ValidString(key):
		return bad("not valid UTF-8")
	case strings.HasPrefix(key, "/"):
		return bad("absolute")
	case strings.ContainsRune(key, '\\'):
		return bad("contains a backslash")
	}
	for _, r := range key {
		if unicode.IsControl(r) {
			return bad("contains a control character")
		}
	}
	for _, seg := range strings.Split(key, "/") {
		if seg == "" || seg == "." || seg == ".." {
			return bad("empty, '.' or '..' segment")
		}
	}
	return nil
}

// ValidatePrefix accepts "" (everything) or a key prefix, which may end in "/".
func ValidatePrefix(prefix string) error {
	if prefix == "" {
		return nil
	}
	return ValidateKey(strings.TrimSuffix(prefix, "/"))
}

// ValidateMetadata checks metadata keys: lowercase ASCII letters, digits, '-'.
func ValidateMetadata(md map[string]string) error {
	for k, v := range md {
		if k == "" {
			return fmt.Errorf("metadata: empty key")
		}
		for _, r := range k {
			if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
				return fmt.Errorf("metadata key %q: use lowercase letters, digits and '-'", k)
			}
		}
		if !utf8.ValidString(v) {
			return fmt.Errorf("metadata %s: value is not valid UTF-8", k)
		}
	}
	return nil
}
