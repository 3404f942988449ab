module backendlings

go 1.25
