// Package fonts holds the typeface reports are printed in. It is apart
// from package assets, which brings in Fyne, because report/ and the
// command line must build without Fyne.
package fonts

import _ "embed"

// Liberation Sans 2 (SIL Open Font License 1.1, see
// LICENSE-LiberationSans.txt) prints reports: it has the Latin, Greek
// and Cyrillic letters clients' names are written in, with the look of the
// sans-serif fonts physicians' and insurers' letters use.
var (
	//go:embed LiberationSans-Regular.ttf
	SansRegular []byte
	//go:embed LiberationSans-Bold.ttf
	SansBold []byte
	//go:embed LiberationSans-Italic.ttf
	SansItalic []byte
)
