package interactive

// Source adapts an Editor to the shell's line hook (shell.LineSource,
// whose ReadLine returns each line with its newline). Every non-blank
// line becomes a history entry, as in busybox ash and bash without
// cmdhist, and with File set the history file is rewritten after each
// one, so history survives `exit`, a hang-up or a crash alike.
type Source struct {
	Editor *Editor
	File   string // HistoryFile(...); "" keeps history in memory only
}

// ReadLine reads a line with the editor and returns it with its newline.
// Its errors are the editor's: io.EOF, and ErrInterrupted (Ctrl-C), on
// which the shell must drop the command it was reading and set $? to 130.
func (s *Source) ReadLine(prompt string) (string, error) {
	line, err := s.Editor.ReadLine(prompt)
	if err != nil {
		return "", err
	}
	count := func() int { return len(s.Editor.history) + s.Editor.dropped }
	n := count()
	s.Editor.AppendHistory(line)
	if s.File != "" && count() != n {
		s.Editor.SaveHistory(s.File) // best effort: history is a convenience
	}
	return line + "\n", nil
}
