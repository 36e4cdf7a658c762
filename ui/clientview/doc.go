// Package clientview is the Client menu's room: the client's page (header,
// the brief before treatment, the pain chart, the history, a note shown
// whole) and the dialogs opened from it (intake, consent, red-flag screen,
// measures, plan, function over time, body maps over time), and the front
// desk's contact card. It asks the desk around it for what Shell names and
// the record for what Record names (client_shell.go, record.go); it holds
// no pointer back to the desk.
package clientview
