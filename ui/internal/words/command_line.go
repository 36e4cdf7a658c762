package words

import "errors"

// CommandLineText is the sentence the command line prints for err when one
// of the errors the store names is itself in err's chain: the same words
// as the desk's. An error of its own type that only counts as one (a file
// named as not a database) says more than the table and keeps its words.
func CommandLineText(err error) (string, bool) {
	for e := err; e != nil; e = errors.Unwrap(e) {
		for _, w := range namedErrorWords {
			if e == w.err {
				return w.text, true
			}
		}
	}
	return "", false
}
