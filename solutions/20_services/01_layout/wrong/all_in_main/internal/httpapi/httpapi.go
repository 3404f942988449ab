// Package httpapi is the service's HTTP interface: it turns requests into
// calls to the notes package and its results into JSON.
package httpapi

// TODO: NewHandler(store *notes.Store) http.Handler, with the handlers
// moved here from cmd/server/main.go. Import the notes package by its full
// import path: the module's path (go.mod) followed by the directory.
