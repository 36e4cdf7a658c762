package clientview

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"backtrack/store"
	"backtrack/store/pin"
	"backtrack/store/settings"
	"backtrack/ui/clientmode"
	"backtrack/ui/kit"
	"backtrack/ui/reportdialog"
)

// handOverDialog is where the therapist picks what the client is asked
// on their own screen. It keeps its widgets for tests.
type handOverDialog struct {
	Forms map[store.FormKind]*widget.Check
	Areas map[store.ConsentArea]*widget.Check
	// Paper is the date of a paper form whose answers the therapist types
	// in instead of the client: empty for the client on the device.
	Paper                       *widget.Entry
	HandOver, Review, ChangePIN *kit.Button
	// PrintBlank prints the forms ticked, blank, for a client who
	// prefers paper: the same choice as the screen's, in the same words.
	PrintBlank *kit.Button
	Pending    []store.Submission
	dialog     *dialog.CustomDialog
}

// chosen is the forms and consent areas ticked, in the screen's order.
func (d *handOverDialog) chosen() ([]store.FormKind, []store.ConsentArea) {
	var forms []store.FormKind
	var areas []store.ConsentArea
	for _, f := range store.ClientScreenForms {
		if d.Forms[f].Checked {
			forms = append(forms, f)
		}
	}
	for _, a := range store.ConsentAreas {
		if c := d.Areas[a]; c != nil && c.Checked {
			areas = append(areas, a)
		}
	}
	return forms, areas
}

// HandToClient opens the choice of what to hand over, after the PIN that
// takes the device back is set.
func (v *ClientView) HandToClient() {
	if v.client.ID == 0 {
		return
	}
	if v.shell.Preferences().String(settings.KeyClientPIN) == "" {
		v.setPIN(v.HandToClient)
		return
	}
	d := &handOverDialog{Forms: map[store.FormKind]*widget.Check{}, Areas: map[store.ConsentArea]*widget.Check{}}
	v.HandOverDialog = d
	box := container.NewVBox(widget.NewLabel("Ask " + v.client.FirstName + " to fill in, on this screen:"))
	for _, f := range store.ClientScreenForms {
		d.Forms[f] = widget.NewCheck(f.Label(), nil)
		box.Add(d.Forms[f])
		if f == store.FormConsent {
			areas := container.NewGridWithColumns(2)
			have := store.ConsentedAreas(v.health.Consents, v.shell.Now())
			for _, a := range store.ConsentAreas {
				if a.Sensitive() {
					d.Areas[a] = widget.NewCheck(a.Label(), nil)
					d.Areas[a].SetChecked(a == store.AreaGluteal && !have[a])
					areas.Add(d.Areas[a])
				}
			}
			box.Add(container.NewPadded(areas))
		}
	}
	d.Forms[store.FormIntake].SetChecked(!v.health.Intake.OnFile())
	d.Forms[store.FormConsent].SetChecked(!v.health.ConsentOnFile(v.shell.Now()))
	d.Forms[store.FormPain].SetChecked(true)
	licensed := widget.NewLabel("The ODI and RMDQ are not offered: their statements may be shown only under the practice's licence (see the README).")
	licensed.Wrapping = fyne.TextWrapWord
	licensed.SizeName = theme.SizeNameCaptionText
	box.Add(licensed)
	d.Paper = widget.NewEntry()
	d.Paper.SetPlaceHolder("YYYY-MM-DD, or leave empty")
	box.Add(container.NewBorder(nil, nil, widget.NewLabel("Typing in a paper form? Its date:"), nil, d.Paper))
	subs, err := v.shell.Record().Submissions(context.Background(), v.client.ID)
	if err != nil {
		v.shell.ShowError("Could not read the client's forms", err)
		return
	}
	for _, s := range subs {
		if len(s.Pending()) > 0 {
			d.Pending = append(d.Pending, s)
		}
	}
	d.Review = kit.NewButton("Review the client's forms…", func() {
		d.dialog.Hide()
		v.ReviewSubmission(d.Pending[0])
	})
	if len(d.Pending) == 0 {
		d.Review.Hide()
	}
	d.ChangePIN = kit.NewButton("Change the PIN…", func() { d.dialog.Hide(); v.setPIN(v.HandToClient) })
	d.HandOver = kit.NewButton("Hand to client", func() {
		req := clientmode.Request{Client: v.client}
		req.Forms, req.Areas = d.chosen()
		if len(req.Forms) == 0 {
			return
		}
		if text := strings.TrimSpace(d.Paper.Text); text != "" {
			on, err := kit.ReadDay(text)
			if err != nil {
				v.shell.ShowError("The paper form's date", err)
				return
			}
			req.PaperOn = on
		}
		d.dialog.Hide()
		v.openClientScreen(req)
	})
	d.HandOver.Importance = widget.HighImportance
	d.PrintBlank = kit.NewButton("Print blank forms…", func() {
		forms, areas := d.chosen()
		if len(forms) == 0 {
			return
		}
		d.dialog.Hide()
		blank := reportdialog.NewBlankFormsDialog(v.shell.Window(), v.shell.Tasks(), v.client,
			kit.PracticeFromPreferences(v.shell.Preferences()), forms, areas)
		blank.Now = v.shell.Now
		v.BlankForms = blank
		blank.Show()
	})
	d.dialog = dialog.NewCustomWithoutButtons("Hand to client", container.NewBorder(nil,
		container.NewHBox(d.ChangePIN, d.Review, d.PrintBlank, kit.NewButton("Cancel", func() { d.dialog.Hide() }), d.HandOver),
		nil, nil, container.NewVScroll(box)), v.shell.Window())
	d.dialog.Resize(fyne.NewSize(620, 560))
	kit.ShowLayer(v.shell.Window(), "hand to client", d.dialog, kit.Layer{Save: d.HandOver.OnTapped, Focus: d.HandOver})
}

// openClientScreen hands the window over; when the therapist has it back,
// what the client gave opens for review.
func (v *ClientView) openClientScreen(req clientmode.Request) {
	id := v.client.ID
	v.ClientScreen = clientmode.Open(req, clientmode.Options{Window: v.shell.Window(), Record: v.shell.Record(),
		PINHash: v.shell.Preferences().String(settings.KeyClientPIN), Now: v.shell.Now,
		Done: func(sub store.Submission, kept bool) {
			v.ClientScreen = nil
			if kept && v.client.ID == id {
				v.ReviewSubmission(sub)
			}
		}})
}

// setPIN asks for the PIN that takes the device back from the client, and
// keeps it as a salted slow hash in the preferences.
func (v *ClientView) setPIN(then func()) {
	first, again := kit.NewEntry(""), kit.NewEntry("")
	first.Password, again.Password = true, true
	problem := widget.NewLabel("")
	problem.Importance = widget.DangerImportance
	items := []*widget.FormItem{widget.NewFormItem("New PIN", first), widget.NewFormItem("Again", again),
		widget.NewFormItem("", problem)}
	var dlg *dialog.FormDialog
	dlg = dialog.NewForm("PIN for the client's screen", "Save PIN", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		if first.Text != again.Text {
			problem.SetText("The two PINs differ: type the same one twice")
			kit.ShowLayer(v.shell.Window(), "client PIN", dlg, kit.Layer{Save: dlg.Submit})
			return
		}
		hash, err := pin.Hash(first.Text)
		if err != nil {
			problem.SetText(err.Error())
			kit.ShowLayer(v.shell.Window(), "client PIN", dlg, kit.Layer{Save: dlg.Submit})
			return
		}
		v.shell.Preferences().SetString(settings.KeyClientPIN, hash)
		then()
	}, v.shell.Window())
	v.PINDialog = dlg
	kit.ShowLayer(v.shell.Window(), "client PIN", dlg, kit.Layer{Save: dlg.Submit})
}
