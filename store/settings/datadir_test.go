package settings_test

import (
	"path/filepath"
	"testing"

	"backtrack/store/settings"
)

func TestTheDataFolderIsWhereFyneKeepsTheDesksOnEachSystem(t *testing.T) {
	// Given each system's home and configuration folders
	cases := []struct{ goos, home, config, want string }{
		{"windows", `C:\Users\José Núñez`, `C:\Users\José Núñez\AppData\Roaming`, `C:\Users\José Núñez\AppData\Roaming\fyne`},
		{"darwin", "/Users/jose", "/Users/jose/Library/Application Support", "/Users/jose/Library/Preferences/fyne"},
		{"linux", "/home/jose", "/home/jose/.config", "/home/jose/.config/fyne"},
		{"linux", "/home/jose", "", "/home/jose/.config/fyne"},
	}
	for _, c := range cases {
		// Then the folder is Fyne's own for that system (not, on a Mac,
		// os.UserConfigDir's Application Support, where the desk never looks)
		got := settings.FyneRoot(c.goos, c.home, c.config)
		if c.goos != "windows" {
			got = filepath.ToSlash(got) // when the test itself runs on Windows
		}
		if got != c.want {
			t.Errorf("%s: %q, want %q", c.goos, got, c.want)
		}
	}
}
