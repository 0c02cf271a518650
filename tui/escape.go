package tui

import tea "github.com/charmbracelet/bubbletea"

// escapeSequence reads the runes that followed an esc as the rest of a
// cursor or function key's sequence (CSI "[…" or SS3 "O…"): the key, and
// whether the sequence is complete; ok is false when the runes cannot be
// one. A complete sequence the screen has no use for is KeyNull.
func escapeSequence(rs []rune) (k tea.KeyMsg, done, ok bool) {
	if len(rs) == 0 || (rs[0] != '[' && rs[0] != 'O') {
		return k, false, false
	}
	last := rs[len(rs)-1]
	switch {
	case len(rs) == 1:
		return k, false, true
	case rs[0] == 'O':
		return seqKey("O" + string(last)), true, true
	case last >= 0x40 && last <= 0x7e:
		return seqKey(string(rs)), true, true
	case last >= 0x20 && last <= 0x3f && len(rs) < 16:
		return k, false, true // parameters and intermediates
	}
	return k, false, false
}

// seqKey is the key an escape sequence without its esc stands for.
func seqKey(s string) tea.KeyMsg {
	keys := map[string]tea.KeyType{
		"[A": tea.KeyUp, "[B": tea.KeyDown, "[C": tea.KeyRight, "[D": tea.KeyLeft,
		"OA": tea.KeyUp, "OB": tea.KeyDown, "OC": tea.KeyRight, "OD": tea.KeyLeft,
		"[H": tea.KeyHome, "[F": tea.KeyEnd, "OH": tea.KeyHome, "OF": tea.KeyEnd,
		"[1~": tea.KeyHome, "[4~": tea.KeyEnd, "[7~": tea.KeyHome, "[8~": tea.KeyEnd,
		"[2~": tea.KeyInsert, "[3~": tea.KeyDelete, "[5~": tea.KeyPgUp, "[6~": tea.KeyPgDown,
		"[Z": tea.KeyShiftTab,
	}
	if t, ok := keys[s]; ok {
		return tea.KeyMsg{Type: t}
	}
	return tea.KeyMsg{Type: tea.KeyNull}
}
