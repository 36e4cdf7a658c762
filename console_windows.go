package main

import (
	"os"

	"golang.org/x/sys/windows"
)

// useParentConsole gives a command the console it was typed in. Fyne's
// packager links the .exe as a GUI program (-H=windowsgui), which Windows
// starts with no console: without this, `backtrack check` in cmd or
// PowerShell would print nothing and could not ask for a passphrase.
// Output already sent to a file or a pipe is left where it goes.
func useParentConsole() {
	const attachParentProcess = ^uintptr(0) // ATTACH_PARENT_PROCESS, (DWORD)-1
	attach := windows.NewLazySystemDLL("kernel32.dll").NewProc("AttachConsole")
	if ok, _, _ := attach.Call(attachParentProcess); ok == 0 {
		return // started from Explorer, or already in a console
	}
	reopen := func(f **os.File, std uint32, name string, flag int) {
		if h, err := windows.GetStdHandle(std); err == nil && h != 0 && h != windows.InvalidHandle {
			if t, err := windows.GetFileType(h); err == nil && t != windows.FILE_TYPE_UNKNOWN {
				return // redirected: keep it
			}
		}
		if c, err := os.OpenFile(name, flag, 0); err == nil {
			*f = c
		}
	}
	reopen(&os.Stdin, windows.STD_INPUT_HANDLE, "CONIN$", os.O_RDWR)
	reopen(&os.Stdout, windows.STD_OUTPUT_HANDLE, "CONOUT$", os.O_RDWR)
	reopen(&os.Stderr, windows.STD_ERROR_HANDLE, "CONOUT$", os.O_RDWR)
}
