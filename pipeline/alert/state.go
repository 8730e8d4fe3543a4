package alert

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"time"

	"github.com/konkurs/konkurs/atomicfile"
	"github.com/konkurs/konkurs/catalog"
)

// state is what the scheduler must not forget across restarts: which
// deliveries were made, and the last digest it completed.
type state struct {
	// Sent maps "sink|key" to when it was delivered.
	Sent map[string]time.Time `json:"sent"`
	// LastDigest is the scheduled time of the last digest every sink got
	// (or, on a first start, the time the watch began).
	LastDigest time.Time `json:"last_digest"`
}

// StateError says the state file cannot be used; the scheduler refuses to
// start rather than forget what it sent and send it all again.
type StateError struct {
	File   string
	Detail string
}

func (e *StateError) Error() string { return e.Text(catalog.EN) }
func (e *StateError) Text(lang catalog.Lang) string {
	return catalog.T(lang, "alert.error.state", "file", e.File, "detail", e.Detail)
}

func loadState(path string) (*state, error) {
	s := &state{Sent: map[string]time.Time{}}
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return s, nil
	}
	if err != nil {
		return nil, &StateError{File: path, Detail: err.Error()}
	}
	if err := json.Unmarshal(data, s); err != nil {
		return nil, &StateError{File: path, Detail: err.Error()}
	}
	if s.Sent == nil {
		s.Sent = map[string]time.Time{}
	}
	return s, nil
}

// save replaces the file atomically (temporary file, fsync, rename): a
// crash leaves the old state or the new one, never half of one.
func (s *state) save(path string) error {
	data, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return err
	}
	return atomicfile.Write(path, append(data, '\n'), 0o600)
}
