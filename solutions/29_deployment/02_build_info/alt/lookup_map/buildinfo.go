// Another way: the settings go into a map first, fields are filled from it
// with cmp.Or for the fallbacks, and the handler marshals with json.Marshal.
package buildinfo

import (
	"cmp"
	"encoding/json"
	"net/http"
	"runtime"
	"runtime/debug"
	"strconv"
)

// Info is what GET /version reports.
type Info struct {
	Version   string `json:"version"`
	GoVersion string `json:"go_version"`
	Revision  string `json:"revision"`
	Time      string `json:"time,omitempty"`
	Modified  bool   `json:"modified"`
}

const unknown = "unknown"

// Read builds an Info from the build information read returns.
func Read(read func() (*debug.BuildInfo, bool)) Info {
	bi, ok := read()
	if !ok {
		return Info{Version: unknown, GoVersion: runtime.Version(), Revision: unknown}
	}
	settings := make(map[string]string, len(bi.Settings))
	for _, s := range bi.Settings {
		settings[s.Key] = s.Value
	}
	modified, _ := strconv.ParseBool(settings["vcs.modified"])
	return Info{
		Version:   cmp.Or(bi.Main.Version, unknown),
		GoVersion: cmp.Or(bi.GoVersion, runtime.Version()),
		Revision:  cmp.Or(settings["vcs.revision"], unknown),
		Time:      settings["vcs.time"],
		Modified:  modified,
	}
}

// Handler answers GET /version with info as JSON.
func Handler(info Info) http.Handler {
	body, err := json.Marshal(info)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err != nil {
			http.Error(w, "version unavailable", http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.Write(body)
	})
}
