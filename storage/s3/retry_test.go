package s3

import (
	"bytes"
	"context"
	"io"
	"net"
	"sync/atomic"
	"testing"

	"github.com/konkurs/konkurs/storage"
	"github.com/konkurs/konkurs/storage/s3/miniotest"
	"github.com/konkurs/konkurs/storage/storagetest"
)

// flakyProxy forwards TCP to MinIO but drops the first connections it
// accepts, as a restarting load balancer or a reset link would.
type flakyProxy struct {
	ln       net.Listener
	target   string
	drop     int64
	accepted atomic.Int64
}

func startFlakyProxy(t *testing.T, target string, drop int64) *flakyProxy {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &flakyProxy{ln: ln, target: target, drop: drop}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			if p.accepted.Add(1) <= p.drop {
				c.Close()
				continue
			}
			go p.forward(c)
		}
	}()
	return p
}

func (p *flakyProxy) forward(c net.Conn) {
	defer c.Close()
	up, err := net.Dial("tcp", p.target)
	if err != nil {
		return
	}
	defer up.Close()
	go io.Copy(up, c)
	io.Copy(c, up)
}

// Transient failures (connections dropped) are retried: the put and the
// stat succeed through a link that fails twice first.
func TestTransientErrorsAreRetried(t *testing.T) {
	srv := miniotest.Start(t)
	direct := openBucket(t, srv) // creates the bucket
	proxy := startFlakyProxy(t, srv.Addr, 2)
	cfg := Config{Endpoint: proxy.ln.Addr().String(), Bucket: direct.Bucket(), Insecure: true, AccessKey: srv.AccessKey, SecretKey: srv.SecretKey}
	st, err := Open(context.Background(), cfg)
	if err != nil {
		t.Fatalf("open through a link that drops two connections: %v", err)
	}
	data := bytes.Repeat([]byte("retry "), 1000)
	if _, err := st.Put(context.Background(), "retried", bytes.NewReader(data), storage.PutOptions{SHA256: storagetest.SumBytes(data), Size: int64(len(data))}); err != nil {
		t.Fatalf("put: %v", err)
	}
	if got := proxy.accepted.Load(); got < 3 {
		t.Errorf("proxy accepted %d connections; the dropped ones were not retried", got)
	}
	if _, err := direct.Stat(context.Background(), "retried"); err != nil {
		t.Errorf("object not stored: %v", err)
	}
}
