package ui

import (
	"context"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"backtrack/store"
	"backtrack/ui/clientview"
	"backtrack/ui/internal/words"
	"backtrack/ui/kit"
)

// recordKeeping is what the desk says about keeping the record: how many
// notes wait for a signature (a button under the client list that signs
// them oldest first), and a notice across the top when the day's check
// found a change made outside Backtrack.
type recordKeeping struct {
	Unsigned *widget.Button // "3 notes to sign"
	drafts   []store.Session

	Notice   *widget.Label
	Details  *widget.Button
	Dismiss  *widget.Button
	banner   fyne.CanvasObject
	problems []string
	timer    *time.Timer
}

// prefRecordChecked is the day the record's history was last verified.
const prefRecordChecked = "record.checked_on"

// recordCheckDelay lets start-up and the day's backup go first.
const recordCheckDelay = 20 * time.Second

func newRecordKeeping(d *Desk) *recordKeeping {
	k := &recordKeeping{Notice: widget.NewLabel("")}
	k.Unsigned = widget.NewButtonWithIcon("", theme.DocumentCreateIcon(), d.signDrafts)
	k.Unsigned.Importance = widget.WarningImportance
	k.Unsigned.Hide()
	k.Notice.Wrapping = fyne.TextWrapWord
	k.Details = widget.NewButton("What changed…", func() {
		kit.Inform(d.window, "Changes made outside Backtrack", strings.Join(k.problems, "\n\n"))
	})
	k.Dismiss = widget.NewButtonWithIcon("", theme.CancelIcon(), func() {
		k.banner.Hide()
		d.relayoutChrome()
	})
	k.Dismiss.Importance = widget.LowImportance
	icon := widget.NewIcon(theme.NewErrorThemedResource(theme.WarningIcon()))
	row := container.NewBorder(nil, nil, container.NewCenter(icon),
		container.NewCenter(container.NewHBox(k.Details, k.Dismiss)), k.Notice)
	k.banner = container.NewStack(kit.NewTint(theme.ColorNameError), container.NewPadded(row))
	k.banner.Hide()
	return k
}

// RefreshDrafts counts the notes that wait for a signature, in the
// background, and shows the button when there are any. The notes
// themselves are read only when the therapist asks to sign them.
func (d *Desk) RefreshDrafts() {
	s := d.store
	d.tasks.Run(func() func() {
		n, err := s.UnsignedCount(context.Background())
		return func() {
			if d.store != s || err != nil {
				return
			}
			if n == 0 {
				d.records.Unsigned.Hide()
				return
			}
			d.records.Unsigned.SetText(words.Plural(n, "note to sign", "notes to sign"))
			d.records.Unsigned.Show()
		}
	})
}

// signDrafts offers the unsigned notes one by one, oldest first: sign it,
// open it, or leave it for later.
func (d *Desk) signDrafts() {
	by := signer(d.app.Preferences())
	if by == "" {
		d.AskForSignerName()
		return
	}
	s := d.store
	d.tasks.Run(func() func() {
		drafts, err := s.UnsignedNotes(context.Background())
		return func() {
			if d.store != s {
				return
			}
			if err != nil {
				d.ShowError("The notes to sign could not be read", err)
				return
			}
			d.records.drafts = drafts
			d.offerDraft(0, by)
		}
	})
}

func (d *Desk) offerDraft(i int, by string) {
	drafts := d.records.drafts
	if i >= len(drafts) {
		d.RefreshDrafts()
		return
	}
	sess, s := drafts[i], d.store
	d.tasks.Run(func() func() {
		c, err := s.Client(context.Background(), sess.ClientID)
		return func() {
			if err != nil || d.store != s {
				return
			}
			d.showDraft(i, by, sess, c)
		}
	})
}

// showDraft asks about one unsigned note of client c.
func (d *Desk) showDraft(i int, by string, sess store.Session, c store.Client) {
	drafts := d.records.drafts
	text := widget.NewLabel(draftSummary(sess, c.FullName()))
	text.Wrapping = fyne.TextWrapWord
	var dlg *dialog.CustomDialog
	sign := kit.NewButtonWithIcon("Sign as "+by, theme.ConfirmIcon(), func() {
		s := d.store
		d.tasks.Run(func() func() {
			_, err := s.SignSession(context.Background(), sess.ID, by)
			return func() {
				if err != nil {
					dlg.Hide()
					d.ShowError("The note could not be signed", err)
					return
				}
				dlg.Hide()
				if d.view.Client().ID == sess.ClientID {
					d.view.Reload()
				}
				d.offerDraft(i+1, by)
			}
		})
	})
	sign.Importance = widget.HighImportance
	open := kit.NewButton("Open the note", func() {
		dlg.Hide()
		d.RefreshDrafts()
		d.view.Leave(func() {
			d.list.Show(sess.ClientID)
			d.view.ShowNote(sess.ClientID, sess.ID)
		})
	})
	later := kit.NewButton("Next", func() { dlg.Hide(); d.offerDraft(i+1, by) })
	title := fmt.Sprintf("Note %d of %d to sign", i+1, len(drafts))
	body := container.NewVBox(text, container.NewHBox(sign, open, later))
	dlg = kit.ShowView(d.window, "note to sign", title, body, kit.DialogSize(d.window, 620, 320))
}

// AskForSignerName explains that a signature needs the therapist's name.
func (d *Desk) AskForSignerName() {
	kit.Confirm(d.window, "name needed to sign", "Your name is needed to sign",
		"A signed note carries the therapist's name and credentials.\nAdd them in Settings (Therapist, Credentials), then sign.",
		"Open Settings", "Not now", func(ok bool) {
			if ok {
				d.showSettings()
			}
		})
}

// draftSummary is a draft note in a few lines: who, when, pain, what was said.
func draftSummary(s store.Session, client string) string {
	lines := []string{client + ", " + kit.LongDate(s.Start) + " " + s.Start.Format("15:04") +
		" · pain " + clientview.PainBeforeAfter(s.PainBefore, s.PainAfter)}
	for _, part := range []struct{ label, text string }{
		{"S", s.Notes.Subjective}, {"O", s.Notes.Objective}, {"A", s.Notes.Assessment}, {"P", s.Notes.Plan},
	} {
		if t := kit.OneLine(part.text); t != "" {
			lines = append(lines, part.label+": "+t)
		}
	}
	return strings.Join(lines, "\n")
}

// StartRecordCheck verifies the record's history once a day, in the
// background, and warns when something was changed outside Backtrack.
func (d *Desk) StartRecordCheck() {
	today := d.now().Format(store.DateLayout)
	if d.app.Preferences().String(prefRecordChecked) == today {
		return
	}
	d.records.timer = time.AfterFunc(recordCheckDelay, func() { fyne.Do(d.checkRecord) })
}

func (d *Desk) checkRecord() {
	if d.sample != nil {
		return // the sample practice is not the therapist's record
	}
	s, today := d.store, d.now().Format(store.DateLayout)
	d.tasks.Run(func() func() {
		problems, err := s.VerifyRecord(context.Background())
		if err == nil { // and the history against the head kept outside the file
			var cut []string
			cut, err = s.VerifyAnchor(context.Background(), nil)
			problems = append(problems, cut...)
		}
		return func() {
			if d.store != s || err != nil {
				return // a failed check is tried again at the next start
			}
			d.app.Preferences().SetString(prefRecordChecked, today)
			d.showRecordCheck(problems)
		}
	})
}

// showRecordCheck shows the day's check result: nothing when the record is
// as Backtrack wrote it, a notice across the top when not.
func (d *Desk) showRecordCheck(problems []string) {
	k := d.records
	k.problems = problems
	if len(problems) == 0 {
		k.banner.Hide()
	} else {
		k.Notice.SetText(fmt.Sprintf("Today's check found %s made outside Backtrack in your records. "+
			"Restore a backup from before it, or keep the records as they are and tell your regulator's records officer.",
			words.Plural(len(problems), "change", "changes")))
		k.banner.Show()
	}
	d.relayoutChrome()
}

func (d *Desk) stopRecordCheck() {
	if d.records.timer != nil {
		d.records.timer.Stop()
	}
}
