package settings

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
)

// ImportMappingKey is the preference key under which the desk remembers
// how the columns of a client list were read, by the list's header: the
// next file with the same columns (the same app's next export) is read
// the same way. The value is the mapping as `import clients --map` takes it.
func ImportMappingKey(header []string) string {
	folded := make([]string, len(header))
	for i, h := range header {
		folded[i] = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
	}
	sum := sha256.Sum256([]byte(strings.Join(folded, "\x1f")))
	return "import.mapping." + hex.EncodeToString(sum[:8])
}

// ReadValue reads one value the desk saved in Fyne's preferences file
// ("" when the file or the key is missing), for the command line.
func ReadValue(path, key string) (string, error) {
	values, err := readValues(path)
	s, _ := values[key].(string)
	return s, err
}

// ListMappingKey is ImportMappingKey for a list of kind ("clients",
// "sessions"): a visits list and a client list with the same columns are
// read into different fields. A client list keeps the key it had.
func ListMappingKey(kind string, header []string) string {
	if kind == "clients" {
		return ImportMappingKey(header)
	}
	return ImportMappingKey(header) + "." + kind
}
