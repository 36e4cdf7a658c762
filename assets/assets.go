// Package assets holds the files Backtrack embeds in its binary.
package assets

import (
	_ "embed"

	"fyne.io/fyne/v2"
)

//go:embed icon.png
var iconPNG []byte

// Icon is the application icon: a lumbar spine beside a falling pain trend.
var Icon = fyne.NewStaticResource("icon.png", iconPNG)
