package clientview

import (
	"context"

	"backtrack/store"
	"backtrack/ui/kit"
)

// OtherDeskChanged reloads the shown client in the mode shown when the
// data lands: the overview and a note are redrawn, a form stays as typed.
// A client the therapist picked meanwhile wins over this refresh.
func (v *ClientView) OtherDeskChanged(id int64) {
	s := v.shell.Record()
	picked := v.loads.Gen.Load()
	kit.LoadLatest(v.shell.Tasks(), &v.refreshes, func(ctx context.Context) (store.ClientRecord, error) {
		return s.ClientRecord(ctx, id, store.Period{})
	}, func(rec store.ClientRecord, err error) {
		if err != nil || v.client.ID != id || !v.loads.Current(picked) || v.shell.Record() != s {
			return // the next change, or the therapist's next step, reads it again
		}
		if v.mode == ModeDetail {
			v.openNext = v.Detail.Session.ID // the note as it is now
		}
		v.Apply(clientDataOf(rec), v.mode)
	})
}
