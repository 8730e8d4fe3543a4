package alert

import (
	"bytes"
	"context"
	"crypto/sha256"
	"crypto/tls"
	"encoding/hex"
	"fmt"
	"mime"
	"mime/quotedprintable"
	"net"
	"net/smtp"
	"strings"
	"time"
)

// EmailSink sends alerts and digests over SMTP (STARTTLS when the server
// offers it; AUTH PLAIN when a username is set).
type EmailSink struct {
	Addr       string // host:port
	From       string
	To         []string
	Username   string
	Password   string
	DigestOnly bool // send only the digest, not each alert
	// TLSConfig for STARTTLS; nil verifies the server name of Addr.
	TLSConfig *tls.Config
	// Now stamps the Date header.
	Now func() time.Time
}

var _ Sink = (*EmailSink)(nil)

func (*EmailSink) Name() string { return "email" }

func (e *EmailSink) SendAlert(ctx context.Context, a Alert) error {
	if e.DigestOnly {
		return nil
	}
	return e.send(ctx, a.Key, a.Subject, a.Message+"\n")
}

func (e *EmailSink) SendDigest(ctx context.Context, d Digest) error {
	return e.send(ctx, d.Key, d.Subject, d.Text)
}

func (e *EmailSink) send(ctx context.Context, key, subject, body string) error {
	msg, err := e.message(key, subject, body)
	if err != nil {
		return err
	}
	if err := e.deliver(ctx, msg); err != nil {
		return fmt.Errorf("smtp %s: %w", e.Addr, err)
	}
	return nil
}

func (e *EmailSink) message(key, subject, body string) ([]byte, error) {
	now := time.Now
	if e.Now != nil {
		now = e.Now
	}
	sum := sha256.Sum256([]byte(key))
	var b bytes.Buffer
	fmt.Fprintf(&b, "From: %s\r\n", e.From)
	fmt.Fprintf(&b, "To: %s\r\n", strings.Join(e.To, ", "))
	fmt.Fprintf(&b, "Subject: %s\r\n", mime.BEncoding.Encode("utf-8", subject))
	fmt.Fprintf(&b, "Date: %s\r\n", now().Format(time.RFC1123Z))
	fmt.Fprintf(&b, "Message-ID: <%s@konkurs>\r\n", hex.EncodeToString(sum[:12]))
	b.WriteString("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n")
	qp := quotedprintable.NewWriter(&b)
	if _, err := qp.Write([]byte(strings.ReplaceAll(body, "\n", "\r\n"))); err != nil {
		return nil, err
	}
	if err := qp.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func (e *EmailSink) deliver(ctx context.Context, msg []byte) error {
	host, _, err := net.SplitHostPort(e.Addr)
	if err != nil {
		return err
	}
	var d net.Dialer
	conn, err := d.DialContext(ctx, "tcp", e.Addr)
	if err != nil {
		return err
	}
	if dl, ok := ctx.Deadline(); ok {
		conn.SetDeadline(dl)
	} else {
		conn.SetDeadline(time.Now().Add(time.Minute))
	}
	c, err := smtp.NewClient(conn, host)
	if err != nil {
		conn.Close()
		return err
	}
	defer c.Close()
	if ok, _ := c.Extension("STARTTLS"); ok {
		cfg := e.TLSConfig
		if cfg == nil {
			cfg = &tls.Config{ServerName: host}
		}
		if err := c.StartTLS(cfg); err != nil {
			return err
		}
	}
	if e.Username != "" {
		// net/smtp refuses PLAIN without TLS except to localhost.
		if err := c.Auth(smtp.PlainAuth("", e.Username, e.Password, host)); err != nil {
			return err
		}
	}
	if err := c.Mail(e.From); err != nil {
		return err
	}
	for _, to := range e.To {
		if err := c.Rcpt(to); err != nil {
			return err
		}
	}
	w, err := c.Data()
	if err != nil {
		return err
	}
	if _, err := w.Write(msg); err != nil {
		return err
	}
	if err := w.Close(); err != nil {
		return err
	}
	return c.Quit()
}
