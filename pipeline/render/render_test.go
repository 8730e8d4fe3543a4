package render

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/konkurs/konkurs/catalog"
	"github.com/konkurs/konkurs/pipeline/document"
	"github.com/konkurs/konkurs/templates"
)

// chainWriter finishes job i only after job i+1 has finished, so the jobs
// complete in reverse order whatever the scheduler does.
type chainWriter struct {
	wait, done chan struct{} // wait is nil for the last job
	name       string
}

func (w chainWriter) Format() string { return "txt" }

func (w chainWriter) Write(out io.Writer, _ *document.Document) (document.Result, error) {
	if w.wait != nil {
		<-w.wait
	}
	defer close(w.done)
	_, err := io.WriteString(out, w.name)
	return document.Result{Pages: 1}, err
}

var emptyKind = &templates.Kind{
	Name: "test",
	Build: func(any, catalog.Lang, templates.BuildOptions) (*document.Document, error) {
		return &document.Document{}, nil
	},
}

func TestRunKeepsJobOrderWhenJobsFinishOutOfOrder(t *testing.T) {
	const n = 6
	done := make([]chan struct{}, n)
	for i := range done {
		done[i] = make(chan struct{})
	}
	jobs := make([]Job, n)
	for i := range jobs {
		w := chainWriter{done: done[i], name: fmt.Sprintf("job-%d", i)}
		if i+1 < n {
			w.wait = done[i+1]
		}
		jobs[i] = Job{Kind: emptyKind, Lang: catalog.KK, Writer: w, Name: w.name + ".txt"}
	}
	// One worker per job: with fewer, job 0 would wait for a job that
	// cannot start.
	outs, err := Run(context.Background(), jobs, n)
	if err != nil {
		t.Fatal(err)
	}
	if len(outs) != n {
		t.Fatalf("got %d outputs, want %d", len(outs), n)
	}
	for i, o := range outs {
		want := fmt.Sprintf("job-%d", i)
		if o.Name != want+".txt" || string(o.Data) != want {
			t.Errorf("output %d = %q (%q), want %q", i, o.Name, o.Data, want)
		}
	}
}

type failingWriter struct{}

func (failingWriter) Format() string { return "pdf" }
func (failingWriter) Write(io.Writer, *document.Document) (document.Result, error) {
	return document.Result{}, errors.New("layout failed")
}

func TestRunNamesTheFailingFile(t *testing.T) {
	jobs := []Job{{Kind: emptyKind, Lang: catalog.RU, Writer: failingWriter{}}}
	_, err := Run(context.Background(), jobs, 0)
	if err == nil || err.Error() != "test.ru.pdf: layout failed" {
		t.Fatalf("err = %v, want it to name test.ru.pdf", err)
	}
}

func TestWriteAllWritesNothingWhenOneOutputCannotBePrepared(t *testing.T) {
	dir := t.TempDir()
	// A regular file where the third output needs a directory: preparing it
	// fails after the first two were prepared.
	if err := os.WriteFile(filepath.Join(dir, "blocker"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	outs := []Output{
		{Name: "a.kk.pdf", Data: []byte("a")},
		{Name: "a.kk.docx", Data: []byte("b")},
		{Name: "blocker/a.ru.pdf", Data: []byte("c")},
		{Name: "a.ru.docx", Data: []byte("d")},
	}
	if err := WriteAll(dir, outs); err == nil {
		t.Fatal("WriteAll succeeded; want the blocked output to fail")
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.Name() != "blocker" {
			t.Errorf("%s left in the output directory", e.Name())
		}
	}
}

func TestWriteAllWritesEveryOutput(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	outs := []Output{{Name: "a.kk.pdf", Data: []byte("a")}, {Name: "a.ru.pdf", Data: []byte("b")}}
	if err := WriteAll(dir, outs); err != nil {
		t.Fatal(err)
	}
	for _, o := range outs {
		got, err := os.ReadFile(filepath.Join(dir, o.Name))
		if err != nil || string(got) != string(o.Data) {
			t.Errorf("%s = %q, %v; want %q", o.Name, got, err, o.Data)
		}
	}
}
