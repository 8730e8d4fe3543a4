// Package web serves konkurs's web application and HTTP API: server-rendered
// pages for organizers, applicants and archive staff, and the same work as
// JSON under /api/, with users, sessions, CSRF protection and rate limits.
package web
