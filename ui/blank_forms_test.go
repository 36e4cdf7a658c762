package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"backtrack/store"
	"backtrack/store/pin"
	"backtrack/store/settings"
	"backtrack/ui/internal/desktest"
	"backtrack/ui/kit"
)

// Where the therapist hands the device over, the same forms print blank
// for a client who prefers paper: in the words of the client's screen, on
// the paper and in the folder the other reports use.
func TestTheFormsTickedToHandOverPrintBlankOnTheReportsPaperInTheReportsFolder(t *testing.T) {
	s := desktest.OpenStore(t)
	c := desktest.AddClient(t, s, store.Client{FirstName: "Lena", LastName: "Fischer"})
	d := newTestDesk(t, s, Options{})
	reports := t.TempDir()
	d.app.Preferences().SetString(kit.PrefReportFolder, reports)
	d.app.Preferences().SetString(settings.KeyPageSize, string(settings.Letter))
	hash, _ := pin.Hash("2468")
	d.app.Preferences().SetString(settings.KeyClientPIN, hash)
	pick(t, d, c.ID)
	v := d.view

	act(d, v.HandToClient)
	h := v.HandOverDialog
	act(d, func() {
		h.Forms[store.FormIntake].SetChecked(true)
		h.Forms[store.FormConsent].SetChecked(true)
		h.Forms[store.FormPain].SetChecked(false)
		h.Areas[store.AreaGluteal].SetChecked(true)
	})
	tap(d, h.PrintBlank)
	b := v.BlankForms
	if b == nil {
		t.Fatal("Print blank forms… opened nothing")
	}
	if b.Folder.Path != reports || b.Paper.Selected != string(settings.Letter) {
		t.Fatalf("the blank forms go to %q on %q, want the reports' %q on Letter", b.Folder.Path, b.Paper.Selected, reports)
	}
	tap(d, b.Save)
	b.Work.Wait()
	if b.Problem.Visible() || b.Written == "" {
		t.Fatalf("the dialog says %q", b.Problem.Text)
	}
	want := filepath.Join(reports, "Fischer_Lena_forms_"+desktest.Now.Format(store.DateLayout)+".pdf")
	info, err := os.Stat(want)
	if b.Written != want || err != nil || info.Mode().Perm() != 0o600 || !strings.Contains(b.Done.Text, filepath.Base(want)) {
		t.Fatalf("written %q (%v %v), dialog says %q; want %s, 0600", b.Written, info, err, b.Done.Text, want)
	}
	text := desktest.PDFWords(t, want)
	desktest.MustContain(t, "blank forms", text, "Forms to fill in", "Lena Fischer",
		strings.Join(strings.Fields(store.SaddleNumbness.ClientWords()), " "),
		strings.Join(strings.Fields(store.AreaGluteal.ClientWords()), " "), "Your signature")
	if strings.Contains(text, "How bad is your pain today?") {
		t.Error("pain today was not ticked but is on the paper")
	}
	raw, _ := os.ReadFile(want)
	if !strings.Contains(string(raw), "/MediaBox [0 0 612.00 792.00]") {
		t.Error("the blank forms are not on the Letter paper chosen for reports")
	}

	// printed again the same day, the first is kept and the dialog says so
	act(d, v.HandToClient)
	tap(d, v.HandOverDialog.PrintBlank)
	tap(d, v.BlankForms.Save)
	v.BlankForms.Work.Wait()
	if !v.BlankForms.Problem.Visible() || !strings.Contains(v.BlankForms.Problem.Text, "already in this folder") {
		t.Errorf("a second print the same day: %q", v.BlankForms.Problem.Text)
	}
}
