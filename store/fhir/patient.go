package fhir

import (
	"html"
	"strings"

	"backtrack/store"
)

// patient is the client: name, date of birth, phone and email, and
// whether the file is still active (an archived client is not).
func patient(c store.Client) object {
	name := object{}.with("use", "official").with("text", c.FullName()).with("family", c.LastName)
	if strings.TrimSpace(c.FirstName) != "" {
		name = name.with("given", []string{c.FirstName})
	}
	var telecom []object
	if strings.TrimSpace(c.Phone) != "" {
		telecom = append(telecom, object{}.with("system", "phone").with("value", c.Phone))
	}
	if strings.TrimSpace(c.Email) != "" {
		telecom = append(telecom, object{}.with("system", "email").with("value", c.Email))
	}
	return object{}.with("resourceType", "Patient").with("id", c.UID).
		with("identifier", []object{identifier(c.UID)}).
		with("active", !c.Archived).
		with("name", []object{name}).
		with("telecom", telecom).
		with("birthDate", date(c.DateOfBirth))
}

// identifier is the record's own UUID, for good.
func identifier(uid string) object {
	return object{}.with("system", identifierSystem).with("value", "urn:uuid:"+uid)
}

// narrative is a resource's human-readable text, one paragraph a line:
// what a reader sees where a code cannot say it (a consent's method and
// words, a questionnaire's name).
func narrative(lines ...string) object {
	var b strings.Builder
	b.WriteString(`<div xmlns="http://www.w3.org/1999/xhtml">`)
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			continue
		}
		b.WriteString("<p>" + html.EscapeString(l) + "</p>")
	}
	b.WriteString("</div>")
	return object{}.with("status", "generated").with("div", b.String())
}
