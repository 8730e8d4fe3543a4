package alert

import (
	"context"
	"io"
	"mime"
	"mime/quotedprintable"
	"net"
	"net/mail"
	"strings"
	"sync"
	"testing"

	"github.com/emersion/go-smtp"
)

// smtpInbox is a real SMTP server (go-smtp) on loopback that keeps what it receives.
type smtpInbox struct {
	mu   sync.Mutex
	mail []receivedMail
}

type receivedMail struct {
	from string
	to   []string
	data []byte
}

func (b *smtpInbox) NewSession(*smtp.Conn) (smtp.Session, error) { return &smtpSession{inbox: b}, nil }

type smtpSession struct {
	inbox *smtpInbox
	cur   receivedMail
}

func (s *smtpSession) Reset()        { s.cur = receivedMail{} }
func (s *smtpSession) Logout() error { return nil }
func (s *smtpSession) Mail(from string, _ *smtp.MailOptions) error {
	s.cur.from = from
	return nil
}
func (s *smtpSession) Rcpt(to string, _ *smtp.RcptOptions) error {
	s.cur.to = append(s.cur.to, to)
	return nil
}
func (s *smtpSession) Data(r io.Reader) error {
	data, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	s.cur.data = data
	s.inbox.mu.Lock()
	s.inbox.mail = append(s.inbox.mail, s.cur)
	s.inbox.mu.Unlock()
	return nil
}

func startSMTP(t *testing.T) (*smtpInbox, string) {
	t.Helper()
	inbox := &smtpInbox{}
	srv := smtp.NewServer(inbox)
	srv.Domain = "localhost"
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(l)
	t.Cleanup(func() { srv.Close() })
	return inbox, l.Addr().String()
}

func TestDigestArrivesByEmail(t *testing.T) {
	inbox, addr := startSMTP(t)
	s := newSetup(t, "2026-03-26 08:00")
	email := &EmailSink{Addr: addr, From: "konkurs@example.kz", To: []string{"organizer@example.kz", "lawyer@example.kz"},
		DigestOnly: true, Now: s.clock.Now}
	sc := s.scheduler(t, email)
	s.clock.Set(at("2026-03-27 09:00"))
	if _, err := sc.RunCheck(context.Background()); err != nil {
		t.Fatal(err)
	}
	inbox.mu.Lock()
	defer inbox.mu.Unlock()
	if len(inbox.mail) != 1 {
		t.Fatalf("%d messages, want the digest only", len(inbox.mail))
	}
	m := inbox.mail[0]
	if m.from != "konkurs@example.kz" || len(m.to) != 2 {
		t.Errorf("envelope from %s to %v", m.from, m.to)
	}
	msg, err := mail.ReadMessage(strings.NewReader(string(m.data)))
	if err != nil {
		t.Fatal(err)
	}
	subject, err := new(mime.WordDecoder).DecodeHeader(msg.Header.Get("Subject"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(subject, "2026-03-27") || !strings.Contains(subject, "1") {
		t.Errorf("subject %q", subject)
	}
	body, err := io.ReadAll(quotedprintable.NewReader(msg.Body))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"tc-2026", "пункт 15", "2026-04-01", "организатор конкурса", "срок истекает"} {
		if !strings.Contains(string(body), want) {
			t.Errorf("digest body lacks %q:\n%s", want, body)
		}
	}
}

func TestAlertArrivesByEmail(t *testing.T) {
	inbox, addr := startSMTP(t)
	s := newSetup(t, "2026-03-27 10:00")
	email := &EmailSink{Addr: addr, From: "konkurs@example.kz", To: []string{"organizer@example.kz"}, Now: s.clock.Now}
	sc := s.scheduler(t, email)
	for range 2 {
		if _, err := sc.RunCheck(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	inbox.mu.Lock()
	defer inbox.mu.Unlock()
	if len(inbox.mail) != 1 {
		t.Fatalf("%d messages, want one alert", len(inbox.mail))
	}
	msg, _ := mail.ReadMessage(strings.NewReader(string(inbox.mail[0].data)))
	body, _ := io.ReadAll(quotedprintable.NewReader(msg.Body))
	if !strings.Contains(string(body), "Последний день срока: 2026-04-01") {
		t.Errorf("alert body %s", body)
	}
}
