package alert

import "context"

// Sink delivers alerts and digests somewhere. A Send that returns nil has
// delivered; an error leaves the alert pending for the next check.
type Sink interface {
	Name() string
	SendAlert(ctx context.Context, a Alert) error
	SendDigest(ctx context.Context, d Digest) error
}
