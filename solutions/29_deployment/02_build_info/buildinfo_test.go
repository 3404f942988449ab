package buildinfo

import (
	"encoding/json"
	"fmt"
	"mime"
	"net/http/httptest"
	"runtime"
	"runtime/debug"
	"testing"
)

// testRead returns a read function that hands out bi.
func testRead(bi *debug.BuildInfo, ok bool) func() (*debug.BuildInfo, bool) {
	return func() (*debug.BuildInfo, bool) { return bi, ok }
}

// testCall runs Read and turns a panic into a test failure.
func testCall(t *testing.T, what string, read func() (*debug.BuildInfo, bool)) (info Info) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			t.Fatalf("Read(%s) panicked: %v", what, r)
		}
	}()
	return Read(read)
}

func testBuildInfo(version, goVersion string, settings ...string) *debug.BuildInfo {
	bi := &debug.BuildInfo{
		GoVersion: goVersion,
		Path:      "example.com/shop/cmd/shop",
		Main:      debug.Module{Path: "example.com/shop", Version: version},
	}
	for i := 0; i+1 < len(settings); i += 2 {
		bi.Settings = append(bi.Settings, debug.BuildSetting{Key: settings[i], Value: settings[i+1]})
	}
	bi.Settings = append([]debug.BuildSetting{
		{Key: "-trimpath", Value: "true"},
		{Key: "CGO_ENABLED", Value: "0"},
	}, bi.Settings...)
	return bi
}

func TestReadReportsTheBuild(t *testing.T) {
	tests := []struct {
		name string
		bi   *debug.BuildInfo
		want Info
	}{
		{
			name: "a tagged release from a clean tree",
			bi: testBuildInfo("v1.4.2", "go1.25.3",
				"vcs", "git",
				"vcs.revision", "4f1c2a9e0b7d6c5e4f3a2b1c0d9e8f7a6b5c4d3e",
				"vcs.time", "2026-11-30T09:15:00Z",
				"vcs.modified", "false"),
			want: Info{Version: "v1.4.2", GoVersion: "go1.25.3",
				Revision: "4f1c2a9e0b7d6c5e4f3a2b1c0d9e8f7a6b5c4d3e",
				Time:     "2026-11-30T09:15:00Z", Modified: false},
		},
		{
			name: "a pseudo-version from a tree with uncommitted changes",
			bi: testBuildInfo("v0.0.0-20261201101112-aa11bb22cc33+dirty", "go1.26.0",
				"vcs", "git",
				"vcs.revision", "aa11bb22cc33dd44ee55ff6677889900aabbccdd",
				"vcs.time", "2026-12-01T10:11:12Z",
				"vcs.modified", "true"),
			want: Info{Version: "v0.0.0-20261201101112-aa11bb22cc33+dirty", GoVersion: "go1.26.0",
				Revision: "aa11bb22cc33dd44ee55ff6677889900aabbccdd",
				Time:     "2026-12-01T10:11:12Z", Modified: true},
		},
		{
			name: "the settings in another order",
			bi: testBuildInfo("v2.0.0", "go1.25.0",
				"vcs.modified", "true",
				"vcs.time", "2026-01-02T03:04:05Z",
				"vcs.revision", "0123456789abcdef0123456789abcdef01234567",
				"vcs", "git"),
			want: Info{Version: "v2.0.0", GoVersion: "go1.25.0",
				Revision: "0123456789abcdef0123456789abcdef01234567",
				Time:     "2026-01-02T03:04:05Z", Modified: true},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := testCall(t, tt.name, testRead(tt.bi, true))
			if got != tt.want {
				t.Errorf("Read(%s)\n got %+v\nwant %+v", tt.name, got, tt.want)
			}
		})
	}
}

func TestReadWithoutVCSInformation(t *testing.T) {
	// go build -buildvcs=false, or a build outside a repository: no vcs.*
	// settings at all.
	bi := testBuildInfo("(devel)", "go1.25.5")
	got := testCall(t, "no vcs settings", testRead(bi, true))
	want := Info{Version: "(devel)", GoVersion: "go1.25.5", Revision: "unknown"}
	if got != want {
		t.Errorf("Read(build info without vcs settings)\n got %+v\nwant %+v", got, want)
	}
}

func TestReadWithoutBuildInformation(t *testing.T) {
	got := testCall(t, "no build information", testRead(nil, false))
	want := Info{Version: "unknown", GoVersion: runtime.Version(), Revision: "unknown"}
	if got != want {
		t.Errorf("Read(no build information: read returns nil, false)\n got %+v\nwant %+v", got, want)
	}
}

func TestReadOfThisBinary(t *testing.T) {
	// The test binary itself has build information: its Go version must
	// come through.
	got := testCall(t, "debug.ReadBuildInfo", debug.ReadBuildInfo)
	want := runtime.Version()
	if bi, ok := debug.ReadBuildInfo(); ok {
		want = bi.GoVersion
	}
	if got.GoVersion != want {
		t.Errorf("Read(debug.ReadBuildInfo).GoVersion = %q, want %q", got.GoVersion, want)
	}
}

func TestVersionHandler(t *testing.T) {
	infos := []Info{
		{Version: "v1.4.2", GoVersion: "go1.25.3", Revision: "4f1c2a9e", Time: "2026-11-30T09:15:00Z", Modified: true},
		{Version: "unknown", GoVersion: "go1.26.0", Revision: "unknown"},
	}
	for _, info := range infos {
		t.Run(fmt.Sprintf("version %s", info.Version), func(t *testing.T) {
			rec := httptest.NewRecorder()
			Handler(info).ServeHTTP(rec, httptest.NewRequest("GET", "/version", nil))
			if rec.Code != 200 {
				t.Fatalf("GET /version: status %d, want 200", rec.Code)
			}
			ct, _, _ := mime.ParseMediaType(rec.Header().Get("Content-Type"))
			if ct != "application/json" {
				t.Errorf("GET /version: Content-Type %q, want application/json", rec.Header().Get("Content-Type"))
			}
			var got Info
			if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil {
				t.Fatalf("GET /version: body %q is not a JSON object: %v", rec.Body.String(), err)
			}
			if got != info {
				t.Errorf("GET /version with Handler(%+v)\n body %s\n read back as %+v", info, rec.Body.String(), got)
			}
		})
	}
}
