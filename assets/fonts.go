// Package assets holds the files Backtrack ships inside its binary.
package assets

import _ "embed"

// Liberation Sans 2 (SIL Open Font License 1.1, see
// fonts/LICENSE-LiberationSans.txt) prints reports: it has the Latin, Greek
// and Cyrillic letters clients' names are written in, with the look of the
// sans-serif fonts physicians' and insurers' letters use.
var (
	//go:embed fonts/LiberationSans-Regular.ttf
	SansRegular []byte
	//go:embed fonts/LiberationSans-Bold.ttf
	SansBold []byte
	//go:embed fonts/LiberationSans-Italic.ttf
	SansItalic []byte
)
