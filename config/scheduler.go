package config

import (
	"os"
	"time"
)

// SchedulerConfig configures the deadline checks and where alerts go
// (`konkurs scheduler`, and `konkurs serve` which runs the same jobs).
type SchedulerConfig struct {
	// TimeZone of the cron specs and of "today" (Asia/Almaty, UTC+5 since
	// 1 March 2024; the tz database is embedded in the binary).
	TimeZone string `yaml:"time_zone"`
	// Check is the cron spec of the check that sends alerts (default hourly).
	Check string `yaml:"check"`
	// Digest is the cron spec of the daily digest (default 09:00).
	Digest string `yaml:"digest"`
	// HorizonWorkingDays: a deadline due within this many working days is
	// "due soon" (default 3).
	HorizonWorkingDays int `yaml:"horizon_working_days"`
	// CaseFiles is a folder of case files (*.yaml, *.yml, *.json) to watch.
	CaseFiles string `yaml:"case_files"`
	// StateFile remembers which alerts were sent and when the last digest
	// ran (default DATA_DIR/scheduler/state.json).
	StateFile string `yaml:"state_file"`
	// Lang of alert texts: kk or ru (default: the configuration's lang).
	Lang    string      `yaml:"lang"`
	Log     LogSink     `yaml:"log"`
	Webhook WebhookSink `yaml:"webhook"`
	Email   EmailSink   `yaml:"email"`
}

// LogSink writes alerts as JSON lines (log/slog).
type LogSink struct {
	Enabled bool `yaml:"enabled"`
	// File to append to; "" means standard error.
	File string `yaml:"file"`
}

// WebhookSink posts alerts as JSON, signed with HMAC-SHA256 in the header
// X-Konkurs-Signature: sha256=<hex>.
type WebhookSink struct {
	URL string `yaml:"url"`
	// Secret signs the body; prefer SecretEnv so the secret stays out of files.
	Secret string `yaml:"secret"`
	// SecretEnv names the environment variable holding the secret
	// (default KONKURS_WEBHOOK_SECRET); it wins over Secret when set.
	SecretEnv string `yaml:"secret_env"`
	// Attempts per alert before giving up until the next check (default 4).
	Attempts int `yaml:"attempts"`
	// Backoff before the second attempt, doubling after (default 2s).
	Backoff time.Duration `yaml:"backoff"`
	// Timeout of one request (default 10s).
	Timeout time.Duration `yaml:"timeout"`
}

// EmailSink sends alerts and the digest by SMTP.
type EmailSink struct {
	// Addr is host:port of the SMTP server; "" disables e-mail.
	Addr string   `yaml:"addr"`
	From string   `yaml:"from"`
	To   []string `yaml:"to"`
	// Username and password for SMTP AUTH PLAIN (only over TLS or to
	// localhost); PasswordEnv (default KONKURS_SMTP_PASSWORD) wins when set.
	Username    string `yaml:"username"`
	Password    string `yaml:"password"`
	PasswordEnv string `yaml:"password_env"`
	// DigestOnly sends only the daily digest by e-mail, not each alert.
	DigestOnly bool `yaml:"digest_only"`
}

func defaultScheduler() SchedulerConfig {
	return SchedulerConfig{
		TimeZone:           "Asia/Almaty",
		Check:              "0 * * * *",
		Digest:             "0 9 * * *",
		HorizonWorkingDays: 3,
		Log:                LogSink{Enabled: true},
		Webhook:            WebhookSink{SecretEnv: "KONKURS_WEBHOOK_SECRET", Attempts: 4, Backoff: 2 * time.Second, Timeout: 10 * time.Second},
		Email:              EmailSink{PasswordEnv: "KONKURS_SMTP_PASSWORD"},
	}
}

// WebhookSecret returns the secret from the environment variable SecretEnv
// when it is set, else Secret.
func (w WebhookSink) WebhookSecret() string {
	if w.SecretEnv != "" {
		if v := os.Getenv(w.SecretEnv); v != "" {
			return v
		}
	}
	return w.Secret
}

// SMTPPassword returns the password from PasswordEnv when set, else Password.
func (e EmailSink) SMTPPassword() string {
	if e.PasswordEnv != "" {
		if v := os.Getenv(e.PasswordEnv); v != "" {
			return v
		}
	}
	return e.Password
}
