package cli

import "strings"

// sayOnce is an error's text as the command line prints it after
// "backtrack COMMAND: ", each part said once. Errors are wrapped on their
// way up by layers that each name what they were doing, and two layers
// often name the same thing: the command ("export: export: …"), or a file
// the operating system's own error names again ("open database a.db: open
// a.db: no such file"). The command is said by Run; a part repeated word
// for word, or an operation on a file a part before it named already, is
// dropped.
func sayOnce(command, text string) string {
	parts := strings.Split(text, ": ")
	var kept []string
	for i, part := range parts {
		switch {
		case i < len(parts)-1 && len(kept) == 0 && part == command:
		case len(kept) > 0 && part == kept[len(kept)-1]:
		case i < len(parts)-1 && namesAFileAgain(part, kept):
		default:
			kept = append(kept, part)
		}
	}
	return strings.Join(kept, ": ")
}

// namesAFileAgain reports an operating system's "open a.db" or "stat
// a.db" whose file an earlier part names.
func namesAFileAgain(part string, earlier []string) bool {
	op, file, ok := strings.Cut(part, " ")
	if !ok || strings.Contains(file, " ") || !isFileOp(op) {
		return false
	}
	for _, e := range earlier {
		for _, word := range strings.Fields(e) {
			if word == file {
				return true
			}
		}
	}
	return false
}

// isFileOp is an operation os.PathError names.
func isFileOp(op string) bool {
	switch op {
	case "open", "stat", "lstat", "mkdir", "remove", "rename", "read", "write", "readdir", "chmod", "link", "symlink", "CreateFile", "GetFileAttributesEx":
		return true
	}
	return false
}
