package web

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/konkurs/konkurs/catalog"
	"github.com/konkurs/konkurs/pipeline/archive"
)

// archiveFailure turns an archive error into what a user may see: their
// own mistakes as 422 with the archive's message (never a server path),
// a missing object as 404, a second signed copy as 409, anything else 500.
func archiveFailure(err error) error {
	var ae *archive.Error
	if !errors.As(err, &ae) {
		return err
	}
	switch {
	case ae.Key == "archive.err.not_found":
		return errNotFound
	case ae.Key == "archive.err.already_signed" || ae.Key == "archive.err.locked":
		return statusError(http.StatusConflict, ae.Key, safeArgs(ae.Args)...)
	case archive.IsInput(err):
		return statusError(http.StatusUnprocessableEntity, ae.Key, safeArgs(ae.Args)...)
	}
	return err
}

// safeArgs keeps only the base name of file arguments.
func safeArgs(args []string) []string {
	out := append([]string(nil), args...)
	for i := 0; i+1 < len(out); i += 2 {
		if out[i] == "file" {
			out[i+1] = filepath.Base(out[i+1])
		}
	}
	return out
}

func (s *Server) archiveOrFail() (*archive.Archive, error) {
	if s.opts.Archive == nil {
		return nil, statusError(http.StatusServiceUnavailable, "web.error.no_archive")
	}
	return s.opts.Archive, nil
}

// archiveFilter reads the search form (or API query).
func archiveFilter(r *http.Request) (archive.Filter, map[string]string, error) {
	q := r.URL.Query()
	vals := map[string]string{}
	for _, k := range []string{"competition", "stage", "application", "kind", "from", "to", "signed"} {
		vals[k] = strings.TrimSpace(q.Get(k))
	}
	f := archive.Filter{Competition: vals["competition"], Application: vals["application"], Kind: vals["kind"]}
	if v := vals["stage"]; v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			return f, vals, statusError(http.StatusBadRequest, "web.error.bad_query", "field", "stage")
		}
		f.Stage = n
	}
	for _, d := range []struct {
		key string
		t   *time.Time
		end bool
	}{{"from", &f.From, false}, {"to", &f.To, true}} {
		if vals[d.key] == "" {
			continue
		}
		t, err := time.Parse("2006-01-02", vals[d.key])
		if err != nil {
			return f, vals, statusError(http.StatusBadRequest, "web.error.bad_query", "field", d.key)
		}
		if d.end {
			t = t.Add(24*time.Hour - time.Nanosecond)
		}
		*d.t = t
	}
	switch vals["signed"] {
	case "yes", "true":
		yes := true
		f.Signed = &yes
	case "no", "false":
		no := false
		f.Signed = &no
	}
	return f, vals, nil
}

type archivePage struct {
	Query     map[string]string
	Entries   []archive.Entry
	Searched  bool
	Available bool
}

func (s *Server) handleArchive(w http.ResponseWriter, r *http.Request, rq *request) error {
	p := archivePage{Available: s.opts.Archive != nil}
	f, vals, err := archiveFilter(r)
	if err != nil {
		return err
	}
	p.Query = vals
	if p.Available && r.URL.Query().Has("search") {
		p.Searched = true
		if p.Entries, err = s.opts.Archive.List(r.Context(), f); err != nil {
			return archiveFailure(err)
		}
	}
	s.renderPage(w, r, rq, http.StatusOK, "archive", "web.archive.title", p)
	return nil
}

func (s *Server) apiArchive(w http.ResponseWriter, r *http.Request, _ *request) error {
	a, err := s.archiveOrFail()
	if err != nil {
		return err
	}
	f, _, err := archiveFilter(r)
	if err != nil {
		return err
	}
	entries, err := a.List(r.Context(), f)
	if err != nil {
		return archiveFailure(err)
	}
	if entries == nil {
		entries = []archive.Entry{}
	}
	writeJSON(w, http.StatusOK, entries)
	return nil
}

// documentPage shows every version of one archived document: generated
// originals and signed copies, with hashes, uploader and retention.
type documentPage struct {
	ID       string // the object the user opened
	Prefix   string // the document's versions share it
	Entries  []archive.Entry
	Report   *archive.VerifyReport
	Signed   *archive.SignResult
	CanSign  bool
	Problems []string
}

// documentPrefix is the key prefix of all versions of the document that
// object id belongs to: COMPETITION/stage-N/(application/APP|protocol)/DOC/.
func documentPrefix(id string) (string, bool) {
	parts := strings.Split(id, "/")
	switch {
	case len(parts) >= 6 && parts[2] == "application":
		return strings.Join(parts[:5], "/") + "/", true
	case len(parts) >= 5 && parts[2] == "protocol":
		return strings.Join(parts[:4], "/") + "/", true
	}
	return "", false
}

func (s *Server) documentVersions(ctx context.Context, a *archive.Archive, id string) (documentPage, error) {
	prefix, ok := documentPrefix(id)
	if !ok {
		return documentPage{}, errNotFound
	}
	parts := strings.Split(prefix, "/")
	f := archive.Filter{Competition: parts[0]}
	f.Stage, _ = strconv.Atoi(strings.TrimPrefix(parts[1], "stage-"))
	if parts[2] == "application" {
		f.Application = parts[3]
	}
	all, err := a.List(ctx, f)
	if err != nil {
		return documentPage{}, archiveFailure(err)
	}
	p := documentPage{ID: id, Prefix: prefix}
	for _, e := range all {
		if strings.HasPrefix(e.ID, prefix) {
			p.Entries = append(p.Entries, e)
		}
	}
	if len(p.Entries) == 0 {
		return p, errNotFound
	}
	return p, nil
}

func (s *Server) handleArchiveDocument(w http.ResponseWriter, r *http.Request, rq *request) error {
	a, err := s.archiveOrFail()
	if err != nil {
		return err
	}
	p, err := s.documentVersions(r.Context(), a, r.URL.Query().Get("id"))
	if err != nil {
		return err
	}
	p.CanSign = rq.is(Archivist)
	s.renderPage(w, r, rq, http.StatusOK, "archive_document", "web.archive.document", p)
	return nil
}

// handleArchiveVerify re-reads every version of the document and shows
// the report on the document's page.
func (s *Server) handleArchiveVerify(w http.ResponseWriter, r *http.Request, rq *request) error {
	a, err := s.archiveOrFail()
	if err != nil {
		return err
	}
	p, err := s.documentVersions(r.Context(), a, r.PostFormValue("id"))
	if err != nil {
		return err
	}
	rep, err := a.Verify(r.Context(), p.Prefix)
	if err != nil {
		return archiveFailure(err)
	}
	p.Report, p.CanSign = &rep, rq.is(Archivist)
	s.renderPage(w, r, rq, http.StatusOK, "archive_document", "web.archive.document", p)
	return nil
}

func (s *Server) apiArchiveVerify(w http.ResponseWriter, r *http.Request, _ *request) error {
	a, err := s.archiveOrFail()
	if err != nil {
		return err
	}
	rep, err := a.Verify(r.Context(), r.URL.Query().Get("prefix"))
	if err != nil {
		return archiveFailure(err)
	}
	if rep.Problems == nil {
		rep.Problems = []archive.Problem{}
	}
	writeJSON(w, http.StatusOK, rep)
	return nil
}

// sendArchived sends one archived object only after its content matched
// its recorded SHA-256: it is fetched into a temporary file through the
// archive's checking reader first, then sent with the hash in a header.
func (s *Server) sendArchived(w http.ResponseWriter, r *http.Request) error {
	a, err := s.archiveOrFail()
	if err != nil {
		return err
	}
	id := r.URL.Query().Get("id")
	if id == "" || strings.HasSuffix(id, "/") {
		return errNotFound
	}
	tmp, err := os.MkdirTemp("", "konkurs-download-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	got, err := a.Get(r.Context(), id, tmp)
	if err != nil {
		return archiveFailure(err)
	}
	if len(got) != 1 || got[0].ID != id {
		return errNotFound // a set or prefix: download its files one by one
	}
	f, err := os.Open(got[0].Path)
	if err != nil {
		return err
	}
	defer f.Close()
	name := path.Base(id)
	w.Header().Set("Content-Type", archiveContentType(name))
	w.Header().Set("Content-Disposition", fmt.Sprintf("attachment; filename=%q", name))
	w.Header().Set("Content-Length", strconv.FormatInt(got[0].Size, 10))
	w.Header().Set("X-Konkurs-SHA256", got[0].SHA256)
	w.Header().Set("Cache-Control", "private, no-store")
	_, err = io.Copy(w, f)
	return err
}

func archiveContentType(name string) string {
	switch strings.ToLower(path.Ext(name)) {
	case ".pdf":
		return "application/pdf"
	case ".docx":
		return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
	case ".json":
		return "application/json"
	}
	return "application/octet-stream"
}

func (s *Server) handleArchiveDownload(w http.ResponseWriter, r *http.Request, _ *request) error {
	return s.sendArchived(w, r)
}

// isPDF checks the content, not the name: a PDF starts with "%PDF-1." or
// "%PDF-2." and ends (give or take trailing blank lines) with "%%EOF" after
// a "startxref" pointer.
func isPDF(data []byte) bool {
	if !pdfHeader.Match(data[:min(len(data), 16)]) {
		return false
	}
	tail := data[max(0, len(data)-2048):]
	end := bytes.LastIndex(tail, []byte("%%EOF"))
	return end >= 0 && bytes.Contains(tail[:end], []byte("startxref")) && len(bytes.TrimSpace(tail[end+5:])) == 0
}

var pdfHeader = regexp.MustCompile(`^%PDF-[12]\.\d`)

var signedNamePattern = regexp.MustCompile(`[^A-Za-z0-9._-]+`)

// signUpload stores a signed scan of an archived original. The file must
// really be a PDF; its name is reduced to safe characters.
func (s *Server) signUpload(ctx context.Context, rq *request, original, name string, data []byte) (archive.SignResult, error) {
	a, err := s.archiveOrFail()
	if err != nil {
		return archive.SignResult{}, err
	}
	if !isPDF(data) {
		return archive.SignResult{}, statusError(http.StatusUnprocessableEntity, "web.error.not_pdf")
	}
	name = strings.Trim(signedNamePattern.ReplaceAllString(filepath.Base(name), "-"), "-.")
	if name == "" {
		name = "signed"
	}
	if !strings.HasSuffix(strings.ToLower(name), ".pdf") {
		name += ".pdf"
	}
	dir, err := os.MkdirTemp("", "konkurs-signed-")
	if err != nil {
		return archive.SignResult{}, err
	}
	defer os.RemoveAll(dir)
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o600); err != nil {
		return archive.SignResult{}, err
	}
	res, err := a.Sign(ctx, original, p, rq.user.Name)
	if err != nil {
		return res, archiveFailure(err)
	}
	return res, nil
}

func (s *Server) handleArchiveSign(w http.ResponseWriter, r *http.Request, rq *request) error {
	a, err := s.archiveOrFail()
	if err != nil {
		return err
	}
	original := r.PostFormValue("original")
	p, err := s.documentVersions(r.Context(), a, original)
	if err != nil {
		return err
	}
	f, hdr, err := r.FormFile("file")
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return errTooLarge
		}
		return statusError(http.StatusBadRequest, "web.error.no_file")
	}
	defer f.Close()
	data, err := io.ReadAll(f)
	if err != nil {
		return err
	}
	res, err := s.signUpload(r.Context(), rq, original, hdr.Filename, data)
	p.CanSign = true
	if err != nil {
		pr, known := classify(err, rq.lang)
		if !known {
			return err
		}
		p.Problems = []string{pr.Message}
		s.renderPage(w, r, rq, pr.Status, "archive_document", "web.archive.document", p)
		return nil
	}
	p, err = s.documentVersions(r.Context(), a, original)
	if err != nil {
		return err
	}
	p.Signed, p.CanSign = &res, true
	s.renderPage(w, r, rq, http.StatusOK, "archive_document", "web.archive.document", p)
	return nil
}

func (s *Server) apiArchiveSign(w http.ResponseWriter, r *http.Request, rq *request) error {
	data, err := io.ReadAll(r.Body)
	if err != nil {
		return err
	}
	name := r.URL.Query().Get("name")
	if name == "" {
		name = "signed.pdf"
	}
	res, err := s.signUpload(r.Context(), rq, r.URL.Query().Get("original"), name, data)
	if err != nil {
		return err
	}
	status := http.StatusCreated
	if res.AlreadySigned {
		status = http.StatusOK
	}
	writeJSON(w, status, res)
	return nil
}

// archiveDocument renders a competition's document (kk and ru, PDF and
// DOCX) and stores it as the next version in the archive.
func (s *Server) archiveDocument(ctx context.Context, rq *request, id, kindName, application string, stage int) (archive.PutResult, error) {
	a, err := s.archiveOrFail()
	if err != nil {
		return archive.PutResult{}, err
	}
	var files []renderedFile
	for _, l := range catalog.DocumentLangs {
		for _, format := range []string{"pdf", "docx"} {
			f, err := s.caseDocument(ctx, rq, id, kindName, application, string(l), format)
			if err != nil {
				return archive.PutResult{}, err
			}
			files = append(files, f)
		}
	}
	if stage == 0 {
		stage = s.stageOf(id, kindName, application)
	}
	dir, err := os.MkdirTemp("", "konkurs-archive-")
	if err != nil {
		return archive.PutResult{}, err
	}
	defer os.RemoveAll(dir)
	var paths []string
	for _, f := range files {
		p := filepath.Join(dir, f.Name)
		if err := os.WriteFile(p, f.Data, 0o600); err != nil {
			return archive.PutResult{}, err
		}
		paths = append(paths, p)
	}
	res, err := a.PutFiles(ctx, paths, archive.SetSpec{
		Address: archive.Address{Competition: id, Stage: stage, Application: application, Document: kindName},
		Kind:    kindName,
	})
	if err != nil {
		return res, archiveFailure(err)
	}
	return res, nil
}

// stageOf is the stage a document belongs to: its application's stage,
// or for the competition's documents the stage its kind names.
func (s *Server) stageOf(id, kindName, application string) int {
	if e, err := s.cases.get(id); err == nil && e.Case != nil && application != "" {
		if a := e.Case.Application(application); a != nil {
			return a.Stage
		}
	}
	if strings.Contains(kindName, "stage2") || kindName == "annex4" {
		return 2
	}
	return 1
}

func (s *Server) handleArchiveCaseDocument(w http.ResponseWriter, r *http.Request, rq *request) error {
	stage, _ := strconv.Atoi(r.PostFormValue("stage"))
	res, err := s.archiveDocument(r.Context(), rq, r.PathValue("id"), r.PostFormValue("kind"), r.PostFormValue("application"), stage)
	if err != nil {
		return err
	}
	s.renderPage(w, r, rq, http.StatusOK, "archived", "web.archive.stored", res)
	return nil
}

func (s *Server) apiArchiveCaseDocument(w http.ResponseWriter, r *http.Request, rq *request) error {
	stage, _ := strconv.Atoi(r.URL.Query().Get("stage"))
	res, err := s.archiveDocument(r.Context(), rq, r.PathValue("id"), r.PathValue("kind"), r.URL.Query().Get("application"), stage)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, res)
	return nil
}
