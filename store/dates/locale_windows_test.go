package dates

import (
	"os"
	"testing"
)

// Windows decides from the user's locale, never from LANG. Run under wine
// (.ci/windows-test) with the Unix locale wine takes the Windows user's
// locale from, and the order that locale writes.
func TestOrderOfLocaleAsksWindowsNotLANG(t *testing.T) {
	want := os.Getenv("BACKTRACK_EXPECT_DATE_ORDER")
	if want == "" {
		t.Skip("BACKTRACK_EXPECT_DATE_ORDER names the order of this Windows user's locale")
	}
	t.Setenv("LC_ALL", "")
	t.Setenv("LANG", "xx_XX.UTF-8") // Git Bash's, say: never read
	if got := OrderOfLocale().String(); got != want {
		t.Errorf("OrderOfLocale() = %s, want %s", got, want)
	}
}
