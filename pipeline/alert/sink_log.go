package alert

import (
	"context"
	"log/slog"
)

// LogSink writes alerts and digests as structured JSON log records.
type LogSink struct{ Logger *slog.Logger }

var _ Sink = LogSink{}

func (LogSink) Name() string { return "log" }

func (s LogSink) SendAlert(ctx context.Context, a Alert) error {
	s.Logger.LogAttrs(ctx, slog.LevelWarn, a.Subject,
		slog.String("event", "deadline_alert"),
		slog.String("key", a.Key),
		slog.String("alert_level", string(a.Level)),
		slog.String("source", a.Source),
		slog.String("competition", a.Record.Competition),
		slog.String("item", a.Record.Item),
		slog.String("application", a.Record.Application),
		slog.String("due", a.Record.Due),
		slog.String("status", string(a.Record.Status)),
		slog.String("party", string(a.Record.Party)),
		slog.String("message", a.Message))
	return nil
}

func (s LogSink) SendDigest(ctx context.Context, d Digest) error {
	s.Logger.LogAttrs(ctx, slog.LevelInfo, d.Subject,
		slog.String("event", "deadline_digest"),
		slog.String("date", d.Date),
		slog.Int("competitions", d.Competitions),
		slog.Int("deadlines", len(d.Deadlines)),
		slog.Int("problems", len(d.Problems)))
	return nil
}
