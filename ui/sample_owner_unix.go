//go:build unix

package ui

import (
	"io/fs"
	"syscall"
)

// fileOwner is the user ID that owns the file, or -2 when it is unknown.
func fileOwner(info fs.FileInfo) int {
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		return int(st.Uid)
	}
	return -2
}

// privateFolder reports whether only its owner may enter the folder, as
// the sample's own folder is made.
func privateFolder(info fs.FileInfo) bool { return info.Mode().Perm() == 0o700 }
