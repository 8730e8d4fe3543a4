package archive

import (
	"log/slog"
	"time"

	"github.com/konkurs/konkurs/storage"
)

// Options tune the archive.
type Options struct {
	// RetentionYears is how long signed protocols and minutes stay locked.
	RetentionYears int
	// Mode is the retention mode of signed objects (GOVERNANCE by default).
	Mode storage.RetentionMode
	// Parallel is how many files of a set are uploaded or verified at once.
	Parallel int
	// Now is the clock (tests may fix it).
	Now func() time.Time
	// Logger receives progress; nil discards it.
	Logger *slog.Logger
}

// DefaultRetentionYears is the configurable default retention of signed
// protocols and minutes. The records-retention list article that would fix
// the period was not found; 10 years is a default, not a rule.
const DefaultRetentionYears = 10

// Archive is konkurs's archive over one store.
type Archive struct {
	store storage.Store
	opts  Options
}

// New wraps a store.
func New(store storage.Store, opts Options) *Archive {
	if opts.RetentionYears == 0 {
		opts.RetentionYears = DefaultRetentionYears
	}
	if opts.Mode == "" {
		opts.Mode = storage.Governance
	}
	if opts.Parallel <= 0 {
		opts.Parallel = 4
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	return &Archive{store: store, opts: opts}
}

// Store is the underlying store.
func (a *Archive) Store() storage.Store { return a.store }

// Location is where the archive lives, without credentials.
func (a *Archive) Location() string { return a.store.Location() }

// Close closes the store.
func (a *Archive) Close() error { return a.store.Close() }

func (a *Archive) now() time.Time { return a.opts.Now().UTC() }
