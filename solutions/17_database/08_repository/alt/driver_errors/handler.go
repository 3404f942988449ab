package userstore

import (
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"strconv"
)

// NewHandler serves the users API from repo: POST /users, GET /users,
// GET /users/{id} and DELETE /users/{id}. It knows nothing of SQL: any
// Repository will do.
func NewHandler(repo Repository, logger *slog.Logger) http.Handler {
	mux := http.NewServeMux()
	fail := func(w http.ResponseWriter, r *http.Request, err error) {
		switch {
		case errors.Is(err, ErrNotFound):
			writeJSON(w, http.StatusNotFound, map[string]string{"error": "user not found"})
		case errors.Is(err, ErrEmailTaken):
			writeJSON(w, http.StatusConflict, map[string]string{"error": "email already taken"})
		default:
			logger.ErrorContext(r.Context(), "users api", "err", err)
			writeJSON(w, http.StatusInternalServerError, map[string]string{"error": "internal error"})
		}
	}
	mux.HandleFunc("POST /users", func(w http.ResponseWriter, r *http.Request) {
		var req struct {
			Name  string `json:"name"`
			Email string `json:"email"`
		}
		if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 4096)).Decode(&req); err != nil || req.Name == "" || req.Email == "" {
			writeJSON(w, http.StatusBadRequest, map[string]string{"error": "name and email are required"})
			return
		}
		u, err := repo.Create(r.Context(), req.Name, req.Email)
		if err != nil {
			fail(w, r, err)
			return
		}
		w.Header().Set("Location", "/users/"+strconv.FormatInt(u.ID, 10))
		writeJSON(w, http.StatusCreated, u)
	})
	mux.HandleFunc("GET /users", func(w http.ResponseWriter, r *http.Request) {
		us, err := repo.List(r.Context())
		if err != nil {
			fail(w, r, err)
			return
		}
		if us == nil {
			us = []User{}
		}
		writeJSON(w, http.StatusOK, us)
	})
	mux.HandleFunc("GET /users/{id}", func(w http.ResponseWriter, r *http.Request) {
		id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
		if err != nil {
			fail(w, r, ErrNotFound)
			return
		}
		u, err := repo.Get(r.Context(), id)
		if err != nil {
			fail(w, r, err)
			return
		}
		writeJSON(w, http.StatusOK, u)
	})
	mux.HandleFunc("DELETE /users/{id}", func(w http.ResponseWriter, r *http.Request) {
		id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
		if err != nil {
			fail(w, r, ErrNotFound)
			return
		}
		if err := repo.Delete(r.Context(), id); err != nil {
			fail(w, r, err)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	})
	return mux
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	if err := json.NewEncoder(w).Encode(v); err != nil {
		slog.Error("write response", "err", err)
	}
}
