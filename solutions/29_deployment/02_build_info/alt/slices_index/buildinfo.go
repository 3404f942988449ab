// Another way: a setting helper that looks each key up with
// slices.IndexFunc, and a handler that writes the JSON into a buffer first.
package buildinfo

import (
	"bytes"
	"encoding/json"
	"net/http"
	"runtime"
	"runtime/debug"
	"slices"
)

// Info is what GET /version reports.
type Info struct {
	Version   string `json:"version"`
	GoVersion string `json:"go_version"`
	Revision  string `json:"revision"`
	Time      string `json:"time,omitempty"`
	Modified  bool   `json:"modified"`
}

func setting(bi *debug.BuildInfo, key string) (string, bool) {
	i := slices.IndexFunc(bi.Settings, func(s debug.BuildSetting) bool { return s.Key == key })
	if i < 0 {
		return "", false
	}
	return bi.Settings[i].Value, true
}

// Read builds an Info from the build information read returns.
func Read(read func() (*debug.BuildInfo, bool)) Info {
	var info Info
	bi, ok := read()
	if ok && bi != nil {
		info.Version = bi.Main.Version
		info.GoVersion = bi.GoVersion
		info.Revision, _ = setting(bi, "vcs.revision")
		info.Time, _ = setting(bi, "vcs.time")
		m, _ := setting(bi, "vcs.modified")
		info.Modified = m == "true"
	}
	if info.Version == "" {
		info.Version = "unknown"
	}
	if info.GoVersion == "" {
		info.GoVersion = runtime.Version()
	}
	if info.Revision == "" {
		info.Revision = "unknown"
	}
	return info
}

// Handler answers GET /version with info as JSON.
func Handler(info Info) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var buf bytes.Buffer
		if err := json.NewEncoder(&buf).Encode(info); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusOK)
		buf.WriteTo(w)
	})
}
