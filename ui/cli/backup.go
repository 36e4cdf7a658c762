package cli

import (
	"context"
	"fmt"
	"path/filepath"
	"time"

	"backtrack/store"
	"backtrack/store/sqlstore"
	"backtrack/ui/internal/filesize"
	"backtrack/ui/internal/words"
)

var backupCommand = command{
	summary: "write a verified copy of the database (optionally encrypted with a passphrase)",
	usage:   "backtrack backup [--db PATH] [--out FILE] [--encrypt] [--passphrase-file FILE]",
	run:     runBackup,
}

func runBackup(ctx context.Context, env Env, args []string) error {
	var db, out string
	var encrypt bool
	var pass passphraseSource
	fs := newFlags("backup", &db)
	fs.StringVar(&out, "out", "", "backup file to write (default: the backups folder beside the database)")
	fs.BoolVar(&encrypt, "encrypt", false, "encrypt the backup with a passphrase (asked for, or --passphrase-file, or "+PassphraseEnv+")")
	pass.register(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	encrypt = encrypt || pass.file != ""
	if onServer(db) {
		return sqlstore.ErrServerBackups
	}
	s, err := openExisting(ctx, db)
	if err != nil {
		return err
	}
	defer s.Close()
	now := time.Now()
	automatic := out == ""
	if automatic {
		out = filepath.Join(sqlstore.BackupDir(db), sqlstore.BackupName(db, now, encrypt))
	}
	var info sqlstore.BackupInfo
	if encrypt {
		passphrase, err := pass.read(env, true)
		if err != nil {
			return err
		}
		info, err = s.BackupEncrypted(ctx, out, passphrase)
		if err != nil {
			return err
		}
	} else if info, err = s.Backup(ctx, out); err != nil {
		return err
	}
	if err := s.LogEvent(ctx, store.RecordsBackedUp, "", "Backed up to "+out); err != nil {
		return err
	}
	if automatic {
		if err := sqlstore.PruneBackups(db, sqlstore.KeepBackups); err != nil {
			return err
		}
	}
	how := "verified"
	if info.Encrypted {
		how = "encrypted, verified"
	}
	if head := info.Head.Short(); head != "" {
		how += ", history up to " + head
	}
	fmt.Fprintf(env.Stdout, "Backed up %s and %s to %s (%s, %s).\n",
		words.Plural(info.Clients, "client", "clients"), words.Plural(info.Sessions, "session", "sessions"), out, how, filesize.Text(info.Size))
	return nil
}
