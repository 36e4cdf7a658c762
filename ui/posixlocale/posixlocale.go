// Package posixlocale makes the POSIX locales ("C.UTF-8", "POSIX.UTF-8",
// common in containers and on servers) readable by Fyne's locale lookup,
// which takes "C" to be a language and logs "Error parsing user locale C"
// three lines long on every start and every command.
//
// Import it first, blank, in main: Go initialises packages in import-path
// order once their own imports are done, and this one imports only the
// standard library, so it runs before fyne.io/fyne/v2/lang reads the
// environment. It imports no GUI toolkit.
package posixlocale

import (
	"os"
	"strings"
)

func init() { Normalize() }

// Normalize sets the message locale to plain "C" where the locale that
// decides the messages' language (LC_ALL, else LC_MESSAGES, else LANG, as
// gettext and github.com/jeandeaual/go-locale read them) is a POSIX locale
// with a charset or modifier: Fyne then falls back to English, as "C"
// means. The character set the rest of the locale names is kept: only
// LC_MESSAGES is set, unless LC_ALL overrides it.
func Normalize() {
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		value := os.Getenv(name)
		if value == "" {
			continue
		}
		if !isPOSIX(value) {
			return
		}
		if name == "LC_ALL" {
			os.Setenv("LC_ALL", "C")
		} else {
			os.Setenv("LC_MESSAGES", "C")
		}
		return
	}
}

// isPOSIX reports "C.UTF-8", "C.utf8", "POSIX@euro" and the like; plain
// "C" and "POSIX" Fyne already understands.
func isPOSIX(locale string) bool {
	lang, _, _ := strings.Cut(locale, ".")
	lang, _, _ = strings.Cut(lang, "@")
	return (lang == "C" || lang == "POSIX") && lang != locale
}
