package dates

import (
	"context"
	"os/exec"
	"strings"
	"sync"
	"time"
)

// appleLocale is the user's region as System Settings sets it ("en_US"),
// read once: an app opened from the Finder has no LANG to read.
var appleLocale = sync.OnceValue(func() string {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, "/usr/bin/defaults", "read", "-g", "AppleLocale").Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
})

// systemOrder is the order of the POSIX locale a terminal sets, else of
// the user's macOS region.
func systemOrder() Order {
	if name := posixLocale(); name != "" {
		return OrderOfLocaleName(name)
	}
	if name := appleLocale(); name != "" {
		return OrderOfLocaleName(name)
	}
	return DayFirst
}
