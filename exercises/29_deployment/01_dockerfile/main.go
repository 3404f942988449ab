// A container image for this program. Edit deploy/Dockerfile (this Go code
// is fine as it is): a multi-stage build whose first stage compiles a
// static binary in a golang image (CGO_ENABLED=0, go build -trimpath
// -ldflags="-s -w"), and whose final stage starts FROM scratch or
// gcr.io/distroless/static, copies only the binary from the build stage
// (COPY --from=...), runs as a non-root user (USER with a numeric uid other
// than 0, or USER nonroot on distroless), has no secrets in ENV or ARG, and
// starts the program with ENTRYPOINT in exec form (a JSON array). The build
// context is a directory with main.go, a go.mod and an empty go.sum (docker
// build -f deploy/Dockerfile .). The hidden tests read the Dockerfile and
// pass when all of that holds; where a Docker daemon runs and the base
// images are present, they also build the image and run it.
package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Printf("running as uid %d\n", os.Getuid())
}
