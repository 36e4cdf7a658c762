// Package xlayout holds the desk's layouts and width-following boxes (the
// x keeps it from shadowing Fyne's layout in the files that use both). They
// know nothing of the domain (no backtrack/store here): each arranges
// canvas objects by theme padding and their minimum sizes, so a screen in
// package ui says what goes where and these say how.
package xlayout
