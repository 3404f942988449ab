package testdemo

import (
	"encoding/json"
	"net/http"
)

// Health answers every request with 200 and {"status":"ok"}: the endpoint
// a load balancer polls to see that the service is alive.
func Health(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusOK)
	json.NewEncoder(w).Encode(map[string]string{"status": "ok"})
}
