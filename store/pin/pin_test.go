package pin_test

import (
	"strings"
	"testing"
	"time"

	"backtrack/store/pin"
)

func TestAPINIsKeptAsASaltedSlowHashAndAWrongOneWaitsLongerNeverLocks(t *testing.T) {
	h1, err := pin.Hash("2468")
	if err != nil {
		t.Fatal(err)
	}
	h2, _ := pin.Hash("2468")
	if h1 == h2 || strings.Contains(h1, "2468") || !strings.HasPrefix(h1, "argon2id$") {
		t.Fatalf("the PIN's hash is not salted or shows it: %q %q", h1, h2)
	}
	if !pin.Matches(h1, "2468") || pin.Matches(h1, "2469") || pin.Matches("", "2468") {
		t.Fatal("PINMatches")
	}
	for _, bad := range []string{"12", "12a4", "1234567890123"} {
		if _, err := pin.Hash(bad); err == nil {
			t.Errorf("PIN %q accepted", bad)
		}
	}
	if pin.Delay(1) != 0 || pin.Delay(3) != time.Second || pin.Delay(5) != 4*time.Second {
		t.Fatalf("delays: %v %v %v", pin.Delay(1), pin.Delay(3), pin.Delay(5))
	}
	if d := pin.Delay(1000); d != time.Minute {
		t.Fatalf("after many tries the wait is %v, want a minute (never a lockout)", d)
	}
}
