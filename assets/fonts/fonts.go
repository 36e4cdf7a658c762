// Package fonts holds the typeface reports are printed in. It is apart
// from package assets, which brings in Fyne, because report/ and the
// command line must build without Fyne.
package fonts

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"io"
	"sync"
)

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

// Fonts for the scripts Liberation Sans lacks, gzipped (they are most of
// their size in CJK glyphs) and opened only when a report needs them:
// Droid Sans Fallback (Apache 2.0, LICENSE-DroidSansFallback.txt) has the
// Chinese ideographs and the Japanese kana; NanumGothic (SIL OFL 1.1,
// LICENSE-NanumGothic.txt) has Korean Hangul. Both are TrueType outlines,
// which gofpdf needs; neither is shaped, and CJK needs no shaping.
var (
	//go:embed DroidSansFallbackFull.ttf.gz
	cjkGzip []byte
	//go:embed NanumGothic.ttf.gz
	hangulGzip []byte
)

// CJK is Droid Sans Fallback Full, unpacked once.
var CJK = sync.OnceValue(func() []byte { return gunzip(cjkGzip) })

// Hangul is NanumGothic, unpacked once.
var Hangul = sync.OnceValue(func() []byte { return gunzip(hangulGzip) })

func gunzip(b []byte) []byte {
	r, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		panic("fonts: embedded font unreadable: " + err.Error()) // fixed bytes: a build defect
	}
	out, err := io.ReadAll(r)
	if err != nil {
		panic("fonts: embedded font unreadable: " + err.Error())
	}
	return out
}
