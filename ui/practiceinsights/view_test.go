package practiceinsights

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"backtrack/store"
	"backtrack/store/insight"
	"backtrack/ui/internal/words"
	"backtrack/ui/kit"
)

// awayServer is a record whose server cannot be reached.
type awayServer struct{}

func (awayServer) PracticeInsights(context.Context) (insight.Practice, error) {
	return insight.Practice{}, store.ErrUnreachable
}

// A record that cannot be read is said in the desk's sentence where the
// busy line was, not left saying it is still reading.
func TestAnUnreadableRecordIsSaidInWords(t *testing.T) {
	test.NewTempApp(t)
	win := test.NewTempWindow(t, nil)
	win.Resize(fyne.NewSize(1000, 760))
	work := &kit.Tasks{}
	v := Show(win, awayServer{}, work)
	work.Wait()
	want := words.ErrorText(store.ErrUnreachable)
	if v.Busy.Text != want || !v.Busy.Visible() || len(v.Sections.Objects) != 0 {
		t.Errorf("the view says %q (shown %v) with %d sections; want %q", v.Busy.Text, v.Busy.Visible(), len(v.Sections.Objects), want)
	}
	if strings.Contains(v.Busy.Text, "Reading") {
		t.Error("still reading")
	}
}
