package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/konkurs/konkurs/catalog"
	"github.com/konkurs/konkurs/pipeline/archive"
	"github.com/konkurs/konkurs/pipeline/calendar"
	"github.com/konkurs/konkurs/web"
)

type serveOptions struct {
	Addr string
}

func init() {
	var opts serveOptions
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Run the web application and HTTP API",
		Long: `Serve the web application for organizers, applicants and archive staff,
and the JSON API under /api/ (described at /api/openapi.json), on
server.addr (default 127.0.0.1:8080). Create users first with
"konkurs user add" (or run "konkurs demo", which creates one per role and
prints their passwords). /healthz answers when the server is up; /metrics
gives Prometheus counters.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return runServe(cmd, opts) },
	}
	cmd.Flags().StringVar(&opts.Addr, "addr", "", "listen address host:port (default from the configuration)")
	cmdRoot.AddCommand(cmd)
}

func runServe(cmd *cobra.Command, opts serveOptions) error {
	cfg := globals.Config
	addr := cfg.Server.Addr
	if opts.Addr != "" {
		addr = opts.Addr
	}
	logger := slog.New(slog.NewTextHandler(cmd.ErrOrStderr(), nil))
	if err := os.MkdirAll(cfg.CasesPath(), 0o755); err != nil {
		return err
	}
	users, err := web.LoadUsers(cfg.UsersPath())
	if err != nil {
		return invalidInput(err)
	}
	cal, err := calendar.Load(cfg.Calendar.File)
	if err != nil {
		return invalidInput(err)
	}
	loc, err := time.LoadLocation(cfg.Scheduler.TimeZone)
	if err != nil {
		return invalidInput(fmt.Errorf("scheduler.time_zone %q: %w", cfg.Scheduler.TimeZone, err))
	}
	lang, err := catalog.ParseLang(cfg.Lang)
	if err != nil || lang == catalog.EN {
		lang = catalog.KK
	}
	// The archive is optional for serving forms: when it cannot be opened
	// the archive pages say so and everything else works.
	arch, err := archive.OpenWith(cmd.Context(), "", cfg.Archive, archive.Options{TimeZone: archiveZone()})
	if err != nil {
		logger.Warn("archive unavailable", "location", cfg.Archive.URL, "err", err)
		arch = nil
	} else {
		defer arch.Close()
	}
	tlsOn := cfg.Server.TLSCert != "" && cfg.Server.TLSKey != ""
	srv, err := web.New(web.Options{
		Users:            users,
		CasesDir:         cfg.CasesPath(),
		Archive:          arch,
		DataDir:          cfg.DataDir,
		DossierMaxSheets: cfg.Dossier.MaxSheets,
		DossierCacheDir:  cfg.Dossier.CacheDir,
		Calendar:         cal,
		Horizon:          cfg.Scheduler.HorizonWorkingDays,
		Location:         loc,
		Logger:           logger,
		DefaultLang:      lang,
		SecureCookies:    tlsOn || cfg.Server.SecureCookies,
		SessionTTL:       time.Duration(cfg.Server.SessionHours) * time.Hour,
		MaxUploadBytes:   int64(cfg.Server.MaxUploadMB) << 20,
		RatePerSecond:    cfg.Server.RatePerSecond,
		RateBurst:        cfg.Server.RateBurst,
		LoginPerMinute:   cfg.Server.LoginAttemptsPerMinute,
	})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return invalidInput(fmt.Errorf("server.addr %s: %w", addr, err))
	}
	hs := &http.Server{
		Handler:           srv.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       5 * time.Minute, // uploads of scanned dossiers are large
		WriteTimeout:      5 * time.Minute,
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
	}
	scheme := "http"
	if tlsOn {
		scheme = "https"
	}
	fmt.Fprintf(cmd.OutOrStdout(), "konkurs serve: %s://%s/\n", scheme, ln.Addr())
	if len(users.List()) == 0 {
		fmt.Fprintln(cmd.ErrOrStderr(), `konkurs serve: no users yet: create one with "konkurs user add NAME --role organizer" or run "konkurs demo"`)
	}
	ctx := cmd.Context()
	if cfg.Server.SchedulerInServe() {
		// The deadline watch of "konkurs scheduler" runs inside serve, on the
		// same case files the organizer edits (unless configured apart).
		schedCfg := cfg
		if schedCfg.Scheduler.CaseFiles == "" {
			schedCfg.Scheduler.CaseFiles = cfg.CasesPath()
		}
		sc, err := newScheduler(schedCfg, cmd.ErrOrStderr(), nil)
		if err != nil {
			return schedulerError(err, lang)
		}
		if err := sc.Start(ctx); err != nil {
			return schedulerError(err, lang)
		}
		defer sc.Stop()
	}
	errc := make(chan error, 1)
	go func() {
		if tlsOn {
			errc <- hs.ServeTLS(ln, cfg.Server.TLSCert, cfg.Server.TLSKey)
		} else {
			errc <- hs.Serve(ln)
		}
	}()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := hs.Shutdown(shutdown); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
