// Package alert owns the deadline watch: cron jobs that evaluate every
// watched competition, the alerts and daily digest they raise, the sinks that
// deliver them (structured log, signed webhook, e-mail) and the state file
// that makes each alert go out once, across restarts.
package alert
