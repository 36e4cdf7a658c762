package cli

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/term"
)

// PassphraseEnv names the environment variable a passphrase can come from.
// A flag value would show in `ps` and in shell history; this does not.
const PassphraseEnv = "BACKTRACK_PASSPHRASE"

// passphraseSource is where a command reads a backup passphrase from: a
// file, the environment, or the terminal (without echo), in that order.
type passphraseSource struct {
	file string
}

func (p *passphraseSource) register(fs *flag.FlagSet) {
	fs.StringVar(&p.file, "passphrase-file", "", "read the backup passphrase from the first line of this file")
}

// given reports whether a passphrase was supplied without prompting.
func (p *passphraseSource) given() bool {
	return p.file != "" || os.Getenv(PassphraseEnv) != ""
}

// promptPassphrase reads a passphrase from the terminal without echo. Tests
// replace it.
var promptPassphrase = func(w io.Writer, prompt string) (string, error) {
	fd := int(os.Stdin.Fd())
	if !term.IsTerminal(fd) {
		return "", fmt.Errorf("a passphrase is needed: use --passphrase-file FILE or set %s", PassphraseEnv)
	}
	fmt.Fprint(w, prompt)
	b, err := term.ReadPassword(fd)
	fmt.Fprintln(w)
	if err != nil {
		return "", fmt.Errorf("read passphrase: %w", err)
	}
	return string(b), nil
}

// read returns the passphrase; confirm asks twice at a terminal, for a new
// one that a typo must not lock away.
func (p *passphraseSource) read(env Env, confirm bool) (string, error) {
	var pass string
	switch {
	case p.file != "":
		b, err := os.ReadFile(p.file)
		if err != nil {
			return "", fmt.Errorf("read passphrase file: %w", err)
		}
		line, _, _ := bytes.Cut(b, []byte("\n"))
		pass = strings.TrimSuffix(string(line), "\r")
	case os.Getenv(PassphraseEnv) != "":
		pass = os.Getenv(PassphraseEnv)
	default:
		var err error
		if pass, err = promptPassphrase(env.Stderr, "Passphrase: "); err != nil {
			return "", err
		}
		if confirm && pass != "" {
			again, err := promptPassphrase(env.Stderr, "Passphrase again: ")
			if err != nil {
				return "", err
			}
			if again != pass {
				return "", errors.New("the two passphrases differ; nothing was written")
			}
		}
	}
	if pass == "" {
		return "", errors.New("the passphrase is empty")
	}
	return pass, nil
}
