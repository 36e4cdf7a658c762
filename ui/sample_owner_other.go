//go:build !unix

package ui

import (
	"io/fs"
	"os"
)

// fileOwner is this user where the file system has no owners to read
// (Windows keeps a temporary folder per user, so what is there is ours).
func fileOwner(fs.FileInfo) int { return os.Getuid() }

// privateFolder is true where folders have no mode bits: the temporary
// folder Windows gives each user is private to that user.
func privateFolder(fs.FileInfo) bool { return true }
