package interchange_test

import (
	"backtrack/store/interchange"
	"backtrack/store/testkit"
	"context"
	"errors"
	"strings"
	"testing"
)

func TestImportJSONRefusesBadFilesClearly(t *testing.T) {
	s := testkit.OpenStore(t, fixedNow)
	valid := `{"format":"backtrack-export","version":1,"vocabulary":[],"clients":[` +
		`{"first_name":"Marta","last_name":"Nowak","sessions":[{"start":"2026-11-01 10:00","duration_min":60,"pain_before":PAIN}]}]}`
	cases := map[string]struct{ body, want string }{
		"empty":        {"", "empty"},
		"binary":       {"\x00\x01\x02garbage", "binary"},
		"not utf-8":    {"{\"format\":\"\xff\"}", "line 1, column 12"},
		"not json":     {"first_name,last_name\nA,B\n", "line 1"},
		"cut short":    {valid[:60], "cut short"},
		"other json":   {`{"format":"something-else","version":1}`, "not a Backtrack export"},
		"newer":        {`{"format":"backtrack-export","version":99}`, "newer Backtrack"},
		"unknown":      {`{"format":"backtrack-export","version":1,"shoe":1}`, `"shoe"`},
		"wrong type":   {strings.Replace(valid, "PAIN", `"seven"`, 1), "pain_before"},
		"trailing":     {strings.Replace(valid, "PAIN", "7", 1) + "{}", "goes on"},
		"pain 11":      {strings.Replace(valid, "PAIN", "11", 1), "client 1, session 1, pain_before"},
		"pain -1":      {strings.Replace(valid, "PAIN", "-1", 1), "client 1, session 1, pain_before"},
		"feb 30":       {strings.Replace(strings.Replace(valid, "PAIN", "1", 1), "2026-11-01", "2026-02-30", 1), "client 1, session 1, start"},
		"empty name":   {strings.Replace(strings.Replace(valid, "PAIN", "1", 1), `"Marta"`, `""`, 1), "client 1, first_name"},
		"control char": {strings.Replace(strings.Replace(valid, "PAIN", "1", 1), `"Marta"`, `"Ma\u0007rta"`, 1), "client 1, first_name"},
	}
	for name, c := range cases {
		sum, err := interchange.ImportJSON(context.Background(), s, strings.NewReader(c.body), interchange.ImportOptions{})
		var ie *interchange.ImportError
		if !errors.As(err, &ie) {
			t.Errorf("%s: err = %v, want an ImportError", name, err)
			continue
		}
		if text := testkit.ProblemsText(sum); !strings.Contains(text, c.want) {
			t.Errorf("%s: problems %q do not mention %q", name, text, c.want)
		}
	}
	if n := testkit.ClientCount(t, s); n != 0 {
		t.Errorf("%d clients written from bad files", n)
	}
	// And the valid file does import.
	sum, err := interchange.ImportJSON(context.Background(), s, strings.NewReader(strings.Replace(valid, "PAIN", "7", 1)), interchange.ImportOptions{})
	if err != nil || sum.ClientsAdded != 1 || sum.SessionsAdded != 1 {
		t.Fatalf("valid file: %+v %v", sum, err)
	}
}
