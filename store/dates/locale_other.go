//go:build !windows && !darwin

package dates

// systemOrder is the order of the POSIX locale; where none is set the C
// library writes dates as "C" does, which is no user's choice: DayFirst.
func systemOrder() Order {
	if name := posixLocale(); name != "" {
		return OrderOfLocaleName(name)
	}
	return DayFirst
}
