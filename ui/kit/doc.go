// Package kit holds the desk's leaf widgets: the button, the entries and
// the red line under a field, the pain input, the tag picker, the panel,
// the tints and the theme, and the two small schedulers of background work
// (Tasks, Latest). They know the domain's types (package store) but never
// the record: what a widget must ask of it, it names as a small interface
// (Vocabulary), so every room of the desk can use them and a test can
// build them alone.
package kit
