// Package recordkeeping holds the File menu's dialogs that keep the record
// safe and carry it in and out: back up, restore, export, import, and the
// record's history. What they ask of the record is Record (record.go).
// The automatic backup and the day's record check are started by the desk
// shell (ui/desk_auto_backup.go, ui/desk_record_keeping.go), which owns the
// window's notices.
package recordkeeping
