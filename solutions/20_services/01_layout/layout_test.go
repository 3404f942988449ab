package layout_test

import (
	"embed"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// tree is the exercise's cmd/ and internal/ directories, exactly as this
// test was compiled with them.
//
//go:embed cmd internal
var tree embed.FS

// pkg is one directory of Go files.
type pkg struct {
	name    string   // package name
	imports []string // import paths
	decls   []string // top-level types ("type T"), funcs and methods ("T.M")
	calls   []string // names of the methods called (x.HandleFunc → HandleFunc)
	writers []string // functions that take an http.ResponseWriter: "main.go:12 (func home)"
}

type marker struct{}

// base is the import path of the exercise's directory: this test's
// package path, without its _test suffix.
func base() string {
	return strings.TrimSuffix(reflect.TypeOf(marker{}).PkgPath(), "_test")
}

// packages parses the Go files of tree, by directory.
func packages(t *testing.T) map[string]*pkg {
	t.Helper()
	pkgs := map[string]*pkg{}
	fset := token.NewFileSet()
	err := fs.WalkDir(tree, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			return err
		}
		src, err := tree.ReadFile(name)
		if err != nil {
			return err
		}
		f, err := parser.ParseFile(fset, name, src, 0)
		if err != nil {
			return err
		}
		p := pkgs[path.Dir(name)]
		if p == nil {
			p = &pkg{name: f.Name.Name}
			pkgs[path.Dir(name)] = p
		}
		for _, imp := range f.Imports {
			ip, _ := strconv.Unquote(imp.Path.Value)
			p.imports = append(p.imports, ip)
		}
		for _, decl := range f.Decls {
			switch decl := decl.(type) {
			case *ast.FuncDecl:
				name := decl.Name.Name
				if decl.Recv != nil && len(decl.Recv.List) == 1 {
					typ := decl.Recv.List[0].Type
					if star, ok := typ.(*ast.StarExpr); ok {
						typ = star.X
					}
					if id, ok := typ.(*ast.Ident); ok {
						name = id.Name + "." + name
					}
				}
				p.decls = append(p.decls, name)
			case *ast.GenDecl:
				for _, spec := range decl.Specs {
					if ts, ok := spec.(*ast.TypeSpec); ok {
						p.decls = append(p.decls, "type "+ts.Name.Name)
					}
				}
			}
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				if sel, ok := n.Fun.(*ast.SelectorExpr); ok {
					p.calls = append(p.calls, sel.Sel.Name)
				}
			case *ast.FuncDecl:
				if takesResponseWriter(n.Type) {
					p.writers = append(p.writers, fmt.Sprintf("%s (func %s)", fset.Position(n.Pos()), n.Name.Name))
				}
			case *ast.FuncLit:
				if takesResponseWriter(n.Type) {
					p.writers = append(p.writers, fmt.Sprintf("%s (a func literal)", fset.Position(n.Pos())))
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatalf("reading the exercise's files: %v", err)
	}
	return pkgs
}

// takesResponseWriter reports whether a function has a parameter of type
// http.ResponseWriter: a handler, or code that writes responses.
func takesResponseWriter(ft *ast.FuncType) bool {
	for _, field := range ft.Params.List {
		if sel, ok := field.Type.(*ast.SelectorExpr); ok && sel.Sel.Name == "ResponseWriter" {
			return true
		}
	}
	return false
}

func TestLayout(t *testing.T) {
	pkgs := packages(t)
	base := base()

	main := pkgs["cmd/server"]
	if main == nil || main.name != "main" {
		t.Fatalf("no package main in cmd/server: the program's main package lives in cmd/server/main.go")
	}
	notes := pkgs["internal/notes"]
	if notes == nil || notes.name != "notes" {
		t.Fatalf("no package notes in internal/notes")
	}
	api := pkgs["internal/httpapi"]
	if api == nil || api.name != "httpapi" {
		t.Fatalf("no package httpapi in internal/httpapi")
	}

	var missing []string
	for _, want := range []string{"type Note", "type Store", "NewStore", "Store.Add", "Store.List", "Store.Get"} {
		if !slices.Contains(notes.decls, want) {
			missing = append(missing, strings.TrimPrefix(want, "type "))
		}
	}
	if len(missing) > 0 {
		t.Errorf("internal/notes does not declare %s: move the notes and their store there, with exported names (a name that starts with a lower-case letter cannot be used from another package)", strings.Join(missing, ", "))
	}
	if !slices.Contains(api.decls, "NewHandler") {
		t.Errorf("internal/httpapi does not declare NewHandler: move the handlers there, in NewHandler(store *notes.Store) http.Handler")
	}
	if !slices.Contains(api.imports, base+"/internal/notes") {
		t.Errorf("internal/httpapi imports %q, but not %s/internal/notes: its handlers work on a *notes.Store", api.imports, base)
	}

	for _, want := range []string{"internal/notes", "internal/httpapi"} {
		if !slices.Contains(main.imports, base+"/"+want) {
			t.Errorf("cmd/server imports %q, but not %q: main builds the store and the handler from the internal packages (an import path is the module path from go.mod, then the directory)", main.imports, base+"/"+want)
		}
	}
	for _, d := range main.decls {
		if strings.HasPrefix(d, "type ") {
			t.Errorf("cmd/server still declares %s: types belong in the internal packages; main only wires them together", d)
		}
	}
	// main may mount what httpapi.NewHandler returns (on a mux of its own,
	// say), but it may not define handlers: code that writes responses.
	if len(main.writers) > 0 {
		t.Errorf("cmd/server declares functions that take an http.ResponseWriter: %s; handlers and what they use belong in internal/httpapi's NewHandler", strings.Join(main.writers, ", "))
	}
	if !slices.Contains(main.calls, "NewHandler") {
		t.Errorf("cmd/server never calls httpapi.NewHandler: main builds the handler from internal/httpapi and serves it")
	}
}
