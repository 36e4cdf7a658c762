// Package pin keeps the therapist's PIN that takes the device back from
// the client's screen, apart from the domain so pure code (the chart, the
// body map) does not pull in a password hash.
package pin

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"fmt"
	"strings"
	"time"
	"unicode"

	"golang.org/x/crypto/argon2"
)

// The therapist's PIN takes the device back from the client. It is kept
// only as a salted, deliberately slow hash (Argon2id, RFC 9106), so the
// preferences file does not give it away; a wrong PIN makes the next try
// wait longer, but never locks the screen: a lockout would strand the
// client's answers behind it.

// The PIN's length, in digits.
const (
	MinDigits = 4
	MaxDigits = 12
)

// Argon2id's cost: RFC 9106's second recommended option (64 MiB, 3 passes)
// scaled to a quarter of the memory, so a tablet checks it in a fraction of
// a second.
const (
	pinTime    = 3
	pinMemory  = 16 * 1024 // KiB
	pinThreads = 1
	pinKeyLen  = 32
)

// Check says why pin cannot be a PIN, or nil.
func Check(pin string) error {
	if n := len(pin); n < MinDigits || n > MaxDigits {
		return fmt.Errorf("the PIN must be %d to %d digits", MinDigits, MaxDigits)
	}
	for _, r := range pin {
		if !unicode.IsDigit(r) || r > unicode.MaxASCII {
			return fmt.Errorf("the PIN must be digits only")
		}
	}
	return nil
}

// Hash is what Settings keeps of pin: "argon2id$t$m$p$salt$hash".
func Hash(pin string) (string, error) {
	if err := Check(pin); err != nil {
		return "", err
	}
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		return "", fmt.Errorf("make the PIN's salt: %w", err)
	}
	key := argon2.IDKey([]byte(pin), salt, pinTime, pinMemory, pinThreads, pinKeyLen)
	enc := base64.RawStdEncoding
	return fmt.Sprintf("argon2id$%d$%d$%d$%s$%s", pinTime, pinMemory, pinThreads, enc.EncodeToString(salt), enc.EncodeToString(key)), nil
}

// Matches reports whether pin is the one hashed in stored. A stored
// value it cannot read matches nothing.
func Matches(stored, pin string) bool {
	parts := strings.Split(stored, "$")
	if len(parts) != 6 || parts[0] != "argon2id" {
		return false
	}
	var t, m uint32
	var p uint8
	if _, err := fmt.Sscanf(parts[1]+" "+parts[2]+" "+parts[3], "%d %d %d", &t, &m, &p); err != nil || t == 0 || m == 0 || p == 0 {
		return false
	}
	enc := base64.RawStdEncoding
	salt, err1 := enc.DecodeString(parts[4])
	want, err2 := enc.DecodeString(parts[5])
	if err1 != nil || err2 != nil || len(want) == 0 {
		return false
	}
	got := argon2.IDKey([]byte(pin), salt, t, m, p, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1
}

// Delay is how long the screen waits before taking another try after
// failures wrong PINs in a row: none for the first two (a slip), then one
// second doubling to at most a minute, however many follow.
func Delay(failures int) time.Duration {
	if failures < 3 {
		return 0
	}
	d := time.Second << min(failures-3, 6)
	return min(d, time.Minute)
}
