package dates

import (
	"syscall"
	"unsafe"
)

var (
	kernel32                 = syscall.NewLazyDLL("kernel32.dll")
	getLocaleInfoEx          = kernel32.NewProc("GetLocaleInfoEx")
	getUserDefaultLocaleName = kernel32.NewProc("GetUserDefaultLocaleName")
)

// localeSShortDate is LOCALE_SSHORTDATE; a nil locale name is
// LOCALE_NAME_USER_DEFAULT.
const localeSShortDate = 0x1F

// systemOrder asks Windows for the user's short date format, the one
// Explorer and Excel write dates in; failing that, the user's locale name.
// Never LANG: Git Bash and MSYS set it to their own default whatever the
// user's region.
func systemOrder() Order {
	buf := make([]uint16, 85) // LOCALE_NAME_MAX_LENGTH, and more than any pattern
	if n, _, _ := getLocaleInfoEx.Call(0, localeSShortDate, uintptr(unsafe.Pointer(&buf[0])), uintptr(len(buf))); n > 0 {
		if o := orderOfPattern(syscall.UTF16ToString(buf)); o != Unknown {
			return o
		}
	}
	if n, _, _ := getUserDefaultLocaleName.Call(uintptr(unsafe.Pointer(&buf[0])), uintptr(len(buf))); n > 0 {
		return OrderOfLocaleName(syscall.UTF16ToString(buf))
	}
	return DayFirst
}
