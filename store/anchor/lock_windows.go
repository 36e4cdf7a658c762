//go:build windows

package anchor

// lock takes no lock on Windows: there the book relies on its atomic
// replacement alone, and two processes updating at the same instant may
// leave the earlier head (a lagging anchor, never a false alarm).
func lock(string) (func(), error) { return func() {}, nil }
