// Package reportdialog holds the Client menu's report dialogs: a client's
// progress report (or intake, or one visit's note) and the reports for all
// clients at once. What they read of the record is Record (record.go).
package reportdialog
