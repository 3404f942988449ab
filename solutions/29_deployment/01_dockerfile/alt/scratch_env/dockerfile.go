package main

import _ "embed"

// dockerfile is deploy/Dockerfile, for the tests to read.
//
//go:embed deploy/Dockerfile
var dockerfile string
