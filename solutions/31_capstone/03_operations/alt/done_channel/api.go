// The HTTP API of the service:
//
//	POST   /bookmarks        {"url","title","notes"?} → 201 + Location + the bookmark
//	GET    /bookmarks?q=...  → 200, the bookmarks whose title contains q, newest first
//	GET    /bookmarks/{id}   → 200 + the bookmark
//	PATCH  /bookmarks/{id}   {"url"?,"title"?,"notes"?} → 200 + the bookmark
//	DELETE /bookmarks/{id}   → 204, no body
//
// Errors are JSON, {"error": "..."}: 400 for a body that is not one JSON
// object of known fields, 422 with "fields" for invalid values, 404 for an
// unknown id, and 500 with nothing but "internal error" for anything else:
// the details go to the log, never to the client.
package bookmarks

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
)

// Repository is what the HTTP layer needs from storage. *Store implements
// it; tests can hand the API a fake.
type Repository interface {
	Create(ctx context.Context, in Input) (Bookmark, error)
	Get(ctx context.Context, id int64) (Bookmark, error)
	List(ctx context.Context, query string) ([]Bookmark, error)
	Update(ctx context.Context, id int64, p Patch) (Bookmark, error)
	Delete(ctx context.Context, id int64) error
	Ping(ctx context.Context) error
}

// MaxBodyBytes is the largest request body the API reads.
const MaxBodyBytes = 64 << 10

// API serves the bookmark endpoints.
type API struct {
	repo   Repository
	logger *slog.Logger
}

// NewAPI returns the API over repo, logging internal errors to logger.
func NewAPI(repo Repository, logger *slog.Logger) *API {
	return &API{repo: repo, logger: logger}
}

// Register adds the API's routes to mux, each wrapped in limit.
func (a *API) Register(mux *http.ServeMux, limit Middleware) {
	mux.Handle("POST /bookmarks", limit(http.HandlerFunc(a.create)))
	mux.Handle("GET /bookmarks", limit(http.HandlerFunc(a.list)))
	mux.Handle("GET /bookmarks/{id}", limit(http.HandlerFunc(a.get)))
	mux.Handle("PATCH /bookmarks/{id}", limit(http.HandlerFunc(a.update)))
	mux.Handle("DELETE /bookmarks/{id}", limit(http.HandlerFunc(a.delete)))
}

func (a *API) create(w http.ResponseWriter, r *http.Request) {
	var in Input
	if !decodeJSON(w, r, &in) {
		return
	}
	if errs := in.Validate(); len(errs) > 0 {
		writeInvalid(w, errs)
		return
	}
	b, err := a.repo.Create(r.Context(), in)
	if err != nil {
		a.writeStoreError(w, r, err)
		return
	}
	w.Header().Set("Location", fmt.Sprintf("/bookmarks/%d", b.ID))
	writeJSON(w, http.StatusCreated, b)
}

func (a *API) list(w http.ResponseWriter, r *http.Request) {
	list, err := a.repo.List(r.Context(), r.URL.Query().Get("q"))
	if err != nil {
		a.writeStoreError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, list)
}

func (a *API) get(w http.ResponseWriter, r *http.Request) {
	id, ok := bookmarkID(w, r)
	if !ok {
		return
	}
	b, err := a.repo.Get(r.Context(), id)
	if err != nil {
		a.writeStoreError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, b)
}

func (a *API) update(w http.ResponseWriter, r *http.Request) {
	id, ok := bookmarkID(w, r)
	if !ok {
		return
	}
	var p Patch
	if !decodeJSON(w, r, &p) {
		return
	}
	if errs := p.Validate(); len(errs) > 0 {
		writeInvalid(w, errs)
		return
	}
	b, err := a.repo.Update(r.Context(), id, p)
	if err != nil {
		a.writeStoreError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, b)
}

func (a *API) delete(w http.ResponseWriter, r *http.Request) {
	id, ok := bookmarkID(w, r)
	if !ok {
		return
	}
	if err := a.repo.Delete(r.Context(), id); err != nil {
		a.writeStoreError(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// writeStoreError answers for an error from the repository: 404 when it
// wraps ErrNotFound; otherwise it logs the error and answers 500 with a
// fixed message, because its text (SQL, file names) is nobody's business
// outside.
func (a *API) writeStoreError(w http.ResponseWriter, r *http.Request, err error) {
	if errors.Is(err, ErrNotFound) {
		writeError(w, http.StatusNotFound, "bookmark not found")
		return
	}
	a.logger.ErrorContext(r.Context(), "internal error",
		"method", r.Method, "path", r.URL.Path, "err", err,
		"request_id", RequestIDFrom(r.Context()))
	writeError(w, http.StatusInternalServerError, "internal error")
}

// bookmarkID reads the {id} wildcard. An id that is not a positive number
// names no bookmark: it answers 404 and returns false.
func bookmarkID(w http.ResponseWriter, r *http.Request) (int64, bool) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id < 1 {
		writeError(w, http.StatusNotFound, "bookmark not found")
		return 0, false
	}
	return id, true
}

// decodeJSON reads exactly one JSON object of known fields, at most
// MaxBodyBytes long, into dst. On failure it answers 400 (413 when too
// large) and returns false.
func decodeJSON(w http.ResponseWriter, r *http.Request, dst any) bool {
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, MaxBodyBytes))
	dec.DisallowUnknownFields()
	err := dec.Decode(dst)
	if err == nil {
		switch extra := dec.Decode(&struct{}{}); {
		case extra == nil:
			err = errors.New("more than one JSON value")
		case !errors.Is(extra, io.EOF):
			err = extra
		}
	}
	if err == nil {
		return true
	}
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		writeError(w, http.StatusRequestEntityTooLarge, "request body too large")
		return false
	}
	writeError(w, http.StatusBadRequest, "invalid JSON body: "+describeJSONError(err))
	return false
}

// describeJSONError says what is wrong with a body in the client's terms,
// without the Go type names that encoding/json's messages carry.
func describeJSONError(err error) string {
	var syntax *json.SyntaxError
	var wrongType *json.UnmarshalTypeError
	switch {
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return "the body must be one complete JSON object"
	case errors.As(err, &syntax):
		return fmt.Sprintf("malformed JSON at byte %d", syntax.Offset)
	case errors.As(err, &wrongType) && wrongType.Field != "":
		return fmt.Sprintf("field %q must be a string", wrongType.Field)
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		return strings.TrimPrefix(err.Error(), "json: ")
	default:
		return "the body must be one JSON object"
	}
}

func writeInvalid(w http.ResponseWriter, errs FieldErrors) {
	writeJSON(w, http.StatusUnprocessableEntity, map[string]any{
		"error":  "invalid bookmark",
		"fields": errs,
	})
}

func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, map[string]string{"error": msg})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	// An error here means the client went away: nobody is left to tell.
	_ = json.NewEncoder(w).Encode(v)
}
