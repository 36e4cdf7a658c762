package dates

import (
	"os"
	"strings"
)

// OrderOfLocale is the order the user's locale writes dates in, asked of
// the system each call (a user may change it while Backtrack runs):
//
//   - Linux, BSD and macOS: the POSIX locale that decides dates, LC_ALL,
//     else LC_TIME, else LANG; on macOS, where an app opened from the
//     Finder has none of them, the user's region (AppleLocale).
//   - Windows: the user's short date format (GetLocaleInfoEx with
//     LOCALE_SSHORTDATE, which keeps the user's own change to it), else
//     the user's locale name (GetUserDefaultLocaleName). Never LANG, which
//     Windows does not set.
//
// A locale that says nothing (unset, "C", "POSIX") is DayFirst, as most of
// the world writes dates; it is never Unknown.
func OrderOfLocale() Order { return systemOrder() }

// posixLocale is the locale the C library reads dates in, "" for none.
func posixLocale() string {
	for _, v := range []string{"LC_ALL", "LC_TIME", "LANG"} {
		if l := os.Getenv(v); l != "" {
			return l
		}
	}
	return ""
}

// monthFirstLocales are the locales whose short date puts the month before
// the day with the year last: CLDR's (the United States and its
// territories, the Philippines) and glibc's d_fmt ("%m/%d/%Y") for the
// others. Keys are language_TERRITORY.
var monthFirstLocales = map[string]bool{
	"en_US": true, "en_AS": true, "en_GU": true, "en_MH": true, "en_MP": true,
	"en_PR": true, "en_UM": true, "en_VI": true, "es_US": true, "chr_US": true,
	"en_PH": true, "fil_PH": true, "tl_PH": true,
	"ab_GE": true, "ka_GE": true, "hy_AM": true, "bem_ZM": true, "iu_CA": true,
	"brx_IN": true, "ks_IN": true,
}

// OrderOfLocaleName is the order a locale name writes dates in: POSIX
// ("en_US.UTF-8", "de_DE@euro") or BCP 47 as Windows and macOS spell it
// ("en-US", "fil-PH"). Anything not known to be month-first is DayFirst.
func OrderOfLocaleName(name string) Order {
	name, _, _ = strings.Cut(name, ".")
	name, _, _ = strings.Cut(name, "@")
	parts := strings.FieldsFunc(name, func(r rune) bool { return r == '_' || r == '-' })
	if len(parts) < 2 {
		return DayFirst
	}
	// A script between language and territory ("en-Latn-US") is skipped.
	key := strings.ToLower(parts[0]) + "_" + strings.ToUpper(parts[len(parts)-1])
	if monthFirstLocales[key] {
		return MonthFirst
	}
	return DayFirst
}

// orderOfPattern is the order a short date pattern such as Windows' "M/d/yyyy"
// or "dd.MM.yyyy" writes, Unknown when the year comes first (yyyy-MM-dd says
// nothing of how the user writes a year-last date).
func orderOfPattern(pattern string) Order {
	d, m, y := strings.IndexByte(pattern, 'd'), strings.IndexByte(pattern, 'M'), strings.IndexByte(pattern, 'y')
	switch {
	case d < 0 || m < 0 || y < 0 || y < d || y < m:
		return Unknown
	case m < d:
		return MonthFirst
	}
	return DayFirst
}
