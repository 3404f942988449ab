package services

import (
	"embed"
	"fmt"
	"io/fs"
)

// ANCHOR: embed
// The file's content, compiled into the binary: a string...
//
//go:embed testdata/banner.txt
var banner string

// ...or whole directories, as a read-only file system.
//
//go:embed testdata
var files embed.FS

func Example_embed() {
	fmt.Print(banner)
	fs.WalkDir(files, ".", func(path string, d fs.DirEntry, err error) error {
		fmt.Println(path)
		return err
	})
	// Output:
	// Gopher Notes: welcome back.
	// .
	// testdata
	// testdata/banner.txt
}

// ANCHOR_END: embed
