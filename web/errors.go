package web

import (
	"errors"
	"net/http"

	"github.com/konkurs/konkurs/catalog"
	"github.com/konkurs/konkurs/competition"
)

// httpError is an error with the status the client gets and a catalog key
// for the text the user reads; nothing else of an error reaches the client.
type httpError struct {
	Status int
	Key    string
	Args   []string
}

func (e *httpError) Error() string { return catalog.T(catalog.EN, e.Key, e.Args...) }

func statusError(status int, key string, args ...string) error {
	return &httpError{Status: status, Key: key, Args: args}
}

var (
	errUnauthenticated = statusError(http.StatusUnauthorized, "web.error.login_required")
	errForbidden       = statusError(http.StatusForbidden, "web.error.forbidden")
	errNotFound        = statusError(http.StatusNotFound, "web.error.not_found")
	errCSRF            = statusError(http.StatusForbidden, "web.error.csrf")
	errRateLimited     = statusError(http.StatusTooManyRequests, "web.error.rate_limited")
	errTooLarge        = statusError(http.StatusRequestEntityTooLarge, "web.error.too_large")
)

// problem is the JSON body of every API error.
type problem struct {
	Status  int            `json:"status"`
	Code    string         `json:"code"`
	Message string         `json:"message"`
	Errors  []fieldProblem `json:"errors,omitempty"`
	Request string         `json:"request_id,omitempty"`
}

// fieldProblem is one invalid field, named by its path in the input.
type fieldProblem struct {
	Path    string `json:"path"`
	Code    string `json:"code"`
	Message string `json:"message"`
}

// classify turns any error into what the client may see. Errors that are
// not the user's (I/O, bugs) become a generic 500 with a request id; their
// details go only to the log.
func classify(err error, lang catalog.Lang) (problem, bool) {
	var he *httpError
	if errors.As(err, &he) {
		return problem{Status: he.Status, Code: he.Key, Message: catalog.T(lang, he.Key, he.Args...)}, true
	}
	var ve *competition.ValidationError
	if errors.As(err, &ve) {
		p := problem{Status: http.StatusUnprocessableEntity, Code: "web.error.invalid", Message: catalog.T(lang, "web.error.invalid")}
		for _, fe := range ve.Errors {
			p.Errors = append(p.Errors, fieldProblem{Path: fe.Path, Code: fe.Code, Message: fe.Message(lang)})
		}
		return p, true
	}
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return classify(errTooLarge, lang)
	}
	return problem{Status: http.StatusInternalServerError, Code: "web.error.internal", Message: catalog.T(lang, "web.error.internal")}, false
}
