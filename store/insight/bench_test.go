package insight_test

import (
	"testing"

	"backtrack/store/insight"
)

// BenchmarkOfClient500 is the method alone on 500 synthetic visits, each
// with its techniques and, every third, a trigger.
func BenchmarkOfClient500(b *testing.B) {
	visits := synthetic(500, 2, 2, 9)
	for i := range visits {
		visits[i].Exposures = append(visits[i].Exposures, insight.Exposure{Kind: insight.ExposureMuscle, Name: []string{"QL", "Gluteus medius", "Piriformis", "Psoas"}[i%4]})
	}
	for b.Loop() {
		insight.OfClient(visits, nil)
	}
}
