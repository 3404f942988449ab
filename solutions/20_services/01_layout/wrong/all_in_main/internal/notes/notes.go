// Package notes holds the notes and their storage: the domain of the
// service, with no HTTP in it.
package notes

// TODO: Note, Store and its methods, moved here from cmd/server/main.go.
// Only names that start with a capital letter can be used from another
// package: newStore must become NewStore, add must become Add, and so on.
