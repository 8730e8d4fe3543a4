package alert

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"time"
)

// SignatureHeader carries "sha256=<hex HMAC-SHA256 of the body>" keyed with
// the shared secret, so the receiver can check the sender and the body.
const SignatureHeader = "X-Konkurs-Signature"

// DeliveryHeader carries the alert's key: a receiver can drop a repeat
// delivery after a lost response.
const DeliveryHeader = "X-Konkurs-Delivery"

// WebhookSink posts JSON to a URL: {"type":"alert","alert":{...}} or
// {"type":"digest","digest":{...}}.
type WebhookSink struct {
	URL      string
	Secret   []byte
	Client   *http.Client
	Attempts int           // tries per delivery (≥ 1)
	Backoff  time.Duration // wait before the second try, doubled after each
	// Sleep waits between tries; tests replace it so no real time passes.
	Sleep func(ctx context.Context, d time.Duration) error
}

var _ Sink = (*WebhookSink)(nil)

func (*WebhookSink) Name() string { return "webhook" }

type webhookBody struct {
	Type   string  `json:"type"`
	Alert  *Alert  `json:"alert,omitempty"`
	Digest *Digest `json:"digest,omitempty"`
}

func (w *WebhookSink) SendAlert(ctx context.Context, a Alert) error {
	return w.post(ctx, a.Key, webhookBody{Type: "alert", Alert: &a})
}

func (w *WebhookSink) SendDigest(ctx context.Context, d Digest) error {
	return w.post(ctx, d.Key, webhookBody{Type: "digest", Digest: &d})
}

// Sign returns the signature header value of body under secret.
func Sign(secret, body []byte) string {
	m := hmac.New(sha256.New, secret)
	m.Write(body)
	return "sha256=" + hex.EncodeToString(m.Sum(nil))
}

// VerifySignature checks a signature header value in constant time.
func VerifySignature(secret, body []byte, header string) bool {
	return hmac.Equal([]byte(Sign(secret, body)), []byte(header))
}

func (w *WebhookSink) post(ctx context.Context, key string, payload webhookBody) error {
	body, err := json.Marshal(payload)
	if err != nil {
		return err
	}
	attempts := max(w.Attempts, 1)
	wait := w.Backoff
	var last error
	for i := 0; i < attempts; i++ {
		if i > 0 {
			if err := w.sleep(ctx, wait); err != nil {
				return err
			}
			wait *= 2
		}
		retry, err := w.try(ctx, key, body)
		if err == nil {
			return nil
		}
		last = err
		if !retry {
			break
		}
	}
	return fmt.Errorf("webhook %s: %w", w.URL, last)
}

// try makes one request; retry says whether another try may succeed
// (network errors, 429 and 5xx), as opposed to a refusal (other 4xx).
func (w *WebhookSink) try(ctx context.Context, key string, body []byte) (retry bool, err error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, w.URL, bytes.NewReader(body))
	if err != nil {
		return false, err
	}
	req.Header.Set("Content-Type", "application/json; charset=utf-8")
	req.Header.Set(SignatureHeader, Sign(w.Secret, body))
	req.Header.Set(DeliveryHeader, key)
	client := w.Client
	if client == nil {
		client = http.DefaultClient
	}
	resp, err := client.Do(req)
	if err != nil {
		return ctx.Err() == nil, err
	}
	io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	resp.Body.Close()
	switch {
	case resp.StatusCode >= 200 && resp.StatusCode < 300:
		return false, nil
	case resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500:
		return true, fmt.Errorf("status %s", resp.Status)
	}
	return false, fmt.Errorf("refused with status %s", resp.Status)
}

func (w *WebhookSink) sleep(ctx context.Context, d time.Duration) error {
	if w.Sleep != nil {
		return w.Sleep(ctx, d)
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
