//go:build !windows

package anchor

import (
	"os"
	"syscall"
)

// lock holds an exclusive lock on the file at path until the returned
// function is called; a process that dies lets go of it.
func lock(path string) (func(), error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		f.Close()
		return nil, err
	}
	return func() { f.Close() }, nil
}
