package sqlite

import (
	"backtrack/store"
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"

	"filippo.io/age"
)

// ageMagic opens every binary age file.
var ageMagic = []byte("age-encryption.org/v1\n")

// PassphraseWorkFactor is the scrypt cost (log2 N) of sealing a backup:
// age's default, about a second and 256 MB to derive the key, which makes
// guessing passphrases slow. Tests lower it to stay fast; opening a backup
// reads the factor from the file.
var PassphraseWorkFactor = 18

// isEncrypted reports whether the file at path is an age file.
func isEncrypted(path string) (bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return false, err
	}
	defer f.Close()
	head := make([]byte, len(ageMagic))
	n, err := io.ReadFull(f, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return false, err
	}
	return bytes.Equal(head[:n], ageMagic), nil
}

// encryptFile writes src, encrypted to passphrase, into the existing file dst.
func encryptFile(dst, src, passphrase string) error {
	recipient, err := age.NewScryptRecipient(passphrase)
	if err != nil {
		return fmt.Errorf("encrypt: %w", err)
	}
	recipient.SetWorkFactor(PassphraseWorkFactor)
	in, err := os.Open(src)
	if err != nil {
		return fmt.Errorf("encrypt: %w", err)
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_TRUNC, 0o600)
	if err != nil {
		return fmt.Errorf("encrypt: %w", err)
	}
	defer out.Close()
	buf := bufio.NewWriter(out)
	w, err := age.Encrypt(buf, recipient)
	if err != nil {
		return fmt.Errorf("encrypt: %w", err)
	}
	if _, err := io.Copy(w, in); err != nil {
		return fmt.Errorf("encrypt: %w", err)
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("encrypt: %w", err)
	}
	if err := buf.Flush(); err != nil {
		return fmt.Errorf("encrypt: %w", err)
	}
	return out.Sync()
}

// decryptFile writes src, decrypted with passphrase, into the existing file
// dst. A wrong passphrase is ErrWrongPassphrase; a cut or altered file is
// ErrBackupDamaged (age authenticates every chunk).
func decryptFile(dst, src, passphrase string) error {
	identity, err := age.NewScryptIdentity(passphrase)
	if err != nil {
		return store.ErrWrongPassphrase // only an empty passphrase fails here
	}
	in, err := os.Open(src)
	if err != nil {
		return fmt.Errorf("decrypt: %w", err)
	}
	defer in.Close()
	r, err := age.Decrypt(bufio.NewReader(in), identity)
	if errors.Is(err, age.ErrIncorrectIdentity) {
		return store.ErrWrongPassphrase
	}
	if err != nil {
		return fmt.Errorf("%w: %v", store.ErrBackupDamaged, err)
	}
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_TRUNC, 0o600)
	if err != nil {
		return fmt.Errorf("decrypt: %w", err)
	}
	defer out.Close()
	if _, err := io.Copy(out, r); err != nil {
		return fmt.Errorf("%w: %v", store.ErrBackupDamaged, err)
	}
	return out.Sync()
}

// IsEncryptedBackup reports whether the file at path is an encrypted
// backup, so a restore knows to ask for the passphrase.
func IsEncryptedBackup(path string) (bool, error) { return isEncrypted(path) }
