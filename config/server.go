package config

import "path/filepath"

// ServerConfig configures konkurs serve: the web application and HTTP API.
type ServerConfig struct {
	// Addr is host:port to listen on (default 127.0.0.1:8080: loopback only,
	// put a TLS-terminating proxy in front to open it to a network).
	Addr string `yaml:"addr"`
	// CasesDir is the folder of competition case files (*.yaml, *.yml,
	// *.json) the organizer works on (default DATA_DIR/cases).
	CasesDir string `yaml:"cases_dir"`
	// UsersFile holds the users, their password hashes and API token
	// hashes (default DATA_DIR/users.yaml; `konkurs user add` writes it).
	UsersFile string `yaml:"users_file"`
	// TLSCert and TLSKey, when both set, make serve speak HTTPS itself.
	TLSCert string `yaml:"tls_cert"`
	TLSKey  string `yaml:"tls_key"`
	// SecureCookies marks cookies Secure even without TLSCert (behind a
	// TLS-terminating proxy). With TLSCert they are always Secure.
	SecureCookies bool `yaml:"secure_cookies"`
	// SessionHours is how long a login lasts (default 12).
	SessionHours int `yaml:"session_hours"`
	// MaxUploadMB bounds an uploaded file or request body (default 50).
	MaxUploadMB int `yaml:"max_upload_mb"`
	// RatePerSecond and RateBurst limit requests per client (per API token
	// or user, else per address); RatePerSecond 0 turns the limit off.
	RatePerSecond float64 `yaml:"rate_per_second"`
	RateBurst     int     `yaml:"rate_burst"`
	// LoginAttemptsPerMinute limits password attempts per address (default 10).
	LoginAttemptsPerMinute int `yaml:"login_attempts_per_minute"`
	// Scheduler runs the deadline checks inside serve (default true).
	Scheduler *bool `yaml:"scheduler"`
}

func defaultServer() ServerConfig {
	return ServerConfig{
		Addr:                   "127.0.0.1:8080",
		SessionHours:           12,
		MaxUploadMB:            50,
		RatePerSecond:          50,
		RateBurst:              100,
		LoginAttemptsPerMinute: 10,
	}
}

// CasesPath is the folder of case files, DATA_DIR/cases unless configured.
func (c Config) CasesPath() string {
	if c.Server.CasesDir != "" {
		return c.Server.CasesDir
	}
	return filepath.Join(c.DataDir, "cases")
}

// UsersPath is the users file, DATA_DIR/users.yaml unless configured.
func (c Config) UsersPath() string {
	if c.Server.UsersFile != "" {
		return c.Server.UsersFile
	}
	return filepath.Join(c.DataDir, "users.yaml")
}

// SchedulerInServe reports whether serve runs the deadline scheduler.
func (s ServerConfig) SchedulerInServe() bool { return s.Scheduler == nil || *s.Scheduler }
