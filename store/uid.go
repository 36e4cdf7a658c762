package store

import (
	"fmt"

	"github.com/google/uuid"
)

// NewUID is a new record identifier: a random (version 4) UUID in its
// canonical lower-case form.
func NewUID() string { return uuid.NewString() }

// CheckUID accepts "" (a record that gets a new identifier) or a UUID in
// any case, and returns it canonical.
func CheckUID(s string) (string, error) {
	if s == "" {
		return "", nil
	}
	u, err := uuid.Parse(s)
	if err != nil || len(s) != 36 {
		return "", fmt.Errorf("%q is not a record identifier (a UUID like 3f2b8c1e-5d4a-4e6f-9a7b-2c1d0e9f8a7b)", Clip(s))
	}
	return u.String(), nil
}

// Clip shortens a value quoted in a message.
func Clip(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}
