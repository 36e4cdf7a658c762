package store

// Tests derive keys with a small scrypt work factor so they stay fast; the
// format and code path are the same.
func init() { scryptWorkFactor = 10 }
