//go:build !windows

package main

// useParentConsole is for Windows' GUI-linked .exe; elsewhere a command
// always has its terminal.
func useParentConsole() {}
