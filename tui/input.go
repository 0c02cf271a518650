package tui

import (
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// Keys arrive in bursts: fast typing, a paste without bracketed paste,
// tmux and SSH hand several keys over in one read, and Bubble Tea makes
// one message of a run of letters. The screen takes every burst apart
// and routes its keys one at a time, each with the bindings the key
// before it left (a key can move the focus or open a prompt), exactly as
// if they had been pressed one by one. Four rules on top of that:
//
//   - A bracketed paste (the terminal marks where a paste begins and
//     ends) is text, never keys. Into a prompt that takes several lines
//     (a note, a handoff's briefing) it goes whole, its line breaks
//     kept: one entry. Into one that takes a line (a task's title) each
//     line is an entry of its own, as below; with no prompt open it is
//     refused.
//   - Text that arrives in the same burst as an enter that closed a
//     prompt is never a command while the terminal may be pasting
//     without bracketed paste, which ends each line with enter. Each
//     line after the first goes to a prompt like the one it closed (a
//     note for a note, a task for a task; a note otherwise), one entry
//     per line, and the last line waits there for an enter of its own.
//     Once the terminal has sent a bracketed paste, it has shown that it
//     marks its pastes: from then on keys that arrive together are keys
//     ("nnote⏎jjd" saves the note, moves down twice, marks a task done).
//   - Esc followed at once by a letter (what Bubble Tea reads as
//     alt+letter) is esc, then the letter as a key: in a prompt it closes
//     the prompt and the letter acts.
//   - An escape sequence cut in two by the network (esc, then "[A" in the
//     next read) is the key it stands for, never esc and two letters. So
//     an esc waits until the burst is over (burstGap) or the next key
//     shows it was not the start of such a sequence.

// burstGap is how long the input must be quiet for a burst to be over.
// Keys in one burst come microseconds apart; a person's keys, tens of
// milliseconds at the very least.
const burstGap = 40 * time.Millisecond

// settleMsg says the input has been quiet since key number gen.
type settleMsg struct{ gen uint64 }

// inputState is what the screen remembers of the burst under way.
type inputState struct {
	gen        uint64         // keys seen, to tell which settleMsg is the last
	afterEnter func() *prompt // an enter closed a prompt in this burst: text goes to this prompt
	esc        bool           // an esc waits to see what follows
	seq        []rune         // what followed it so far, when that may be an escape sequence
	// bracketed says the terminal has sent a bracketed paste: it marks
	// its pastes, so an enter in a burst is a key. pasting says the keys
	// routed now are the lines of one.
	bracketed, pasting bool
}

// onInput takes one message of keys apart and routes them one by one.
func (m *Model) onInput(msg tea.KeyMsg) tea.Cmd {
	m.input.gen++
	var cmds []tea.Cmd
	if msg.Paste {
		m.input.bracketed = true
		cmds = append(cmds, m.flushEsc())
		if !m.pastesWhole() {
			cmds = append(cmds, m.pasteLines(msg))
		} else {
			cmds = append(cmds, m.prompt.paste(string(msg.Runes)))
		}
		m.refresh()
		return m.endInput(cmds)
	}
	ks := splitKeys(msg)
	for i := 0; i < len(ks) && !m.quitting; i++ {
		if m.takesText() && isChar(ks[i]) {
			// Characters for a prompt go in together: what they do is the
			// same as one by one, and a long paste costs one insertion.
			j := i + 1
			for j < len(ks) && isChar(ks[j]) {
				j++
			}
			cmds = append(cmds, m.typeRun(ks[i:j]))
			i = j - 1
		} else {
			cmds = append(cmds, m.onKey(ks[i]))
		}
		m.refresh()
	}
	return m.endInput(cmds)
}

// endInput ends the handling of one message of keys: the screen leaves,
// or waits for the burst to end.
func (m *Model) endInput(cmds []tea.Cmd) tea.Cmd {
	if m.quitting {
		return tea.Quit
	}
	m.activity()
	gen := m.input.gen
	cmds = append(cmds, tea.Tick(burstGap, func(time.Time) tea.Msg { return settleMsg{gen} }))
	return tea.Batch(cmds...)
}

// pastesWhole reports whether a bracketed paste goes whole into the open
// prompt: one that takes several lines.
func (m *Model) pastesWhole() bool {
	return m.prompt != nil && m.prompt.multiline && m.declare == nil && !m.closing
}

// pasteLines routes a bracketed paste line by line, each line ending
// with enter: the lines after an enter that closed a prompt go to
// prompts like it, whatever the terminal — they are the paste's, never
// keys. With no prompt open the paste is refused whole.
func (m *Model) pasteLines(msg tea.KeyMsg) tea.Cmd {
	if m.prompt == nil && m.declare == nil {
		m.notice = m.c.t("pasted text is not a command: press n (a note) or t (a task) first, then paste")
		return nil
	}
	m.input.pasting = true
	defer func() {
		m.input.pasting = false
		m.input.afterEnter = nil // what comes after the paste is keys again
	}()
	var cmds []tea.Cmd
	for _, k := range splitKeys(msg) {
		if m.quitting {
			break
		}
		if m.prompt == nil && m.declare == nil && (m.input.afterEnter == nil || !isText(k)) {
			continue // an empty line's enter, with nothing open to end
		}
		cmds = append(cmds, m.route(k))
		m.refresh()
	}
	return tea.Batch(cmds...)
}

// onSettle ends the burst: text is commands again, and a waiting esc acts.
func (m *Model) onSettle(msg settleMsg) tea.Cmd {
	if msg.gen != m.input.gen {
		return nil // more keys came since
	}
	m.input.afterEnter = nil
	if !m.input.esc {
		return nil
	}
	cmd := m.flushEsc()
	if m.quitting {
		return tea.Quit
	}
	return cmd
}

// splitKeys makes one key of each rune of a run of letters; alt+letter
// becomes esc and the letter; a pasted text stays whole, its line breaks
// made enters.
func splitKeys(msg tea.KeyMsg) []tea.KeyMsg {
	switch {
	case msg.Paste:
		text := strings.NewReplacer("\r\n", "\r", "\n", "\r").Replace(string(msg.Runes))
		var out []tea.KeyMsg
		for i, line := range strings.Split(text, "\r") {
			if i > 0 {
				out = append(out, tea.KeyMsg{Type: tea.KeyEnter})
			}
			if line != "" {
				out = append(out, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(line), Paste: true})
			}
		}
		return out
	case msg.Type == tea.KeyRunes && msg.Alt:
		out := []tea.KeyMsg{{Type: tea.KeyEsc}}
		for _, r := range msg.Runes {
			out = append(out, runeKey(r))
		}
		return out
	case msg.Type == tea.KeyRunes && len(msg.Runes) > 1:
		out := make([]tea.KeyMsg, len(msg.Runes))
		for i, r := range msg.Runes {
			out[i] = runeKey(r)
		}
		return out
	}
	return []tea.KeyMsg{msg}
}

// runeKey is the key message of one typed character.
func runeKey(r rune) tea.KeyMsg {
	if r == ' ' {
		return tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}}
}

// onKey takes one key: an esc waits to see what follows it.
func (m *Model) onKey(k tea.KeyMsg) tea.Cmd {
	if m.input.esc {
		if k.Type == tea.KeyRunes && len(k.Runes) == 1 && !k.Paste {
			if key, done, ok := escapeSequence(append(m.input.seq, k.Runes[0])); ok {
				if !done {
					m.input.seq = append(m.input.seq, k.Runes[0])
					return nil
				}
				m.input.esc, m.input.seq = false, nil
				if key.Type == tea.KeyNull {
					return nil // a sequence the screen has no use for
				}
				return m.route(key)
			}
		}
		// Not a sequence: the esc was a key of its own, and so is what
		// came with it.
		cmd := m.flushEsc()
		return tea.Batch(cmd, m.onKey(k))
	}
	if k.Type == tea.KeyEsc {
		m.input.esc = true
		return nil
	}
	return m.route(k)
}

// flushEsc routes a waiting esc as a key of its own, then the letters
// that followed it; nothing when no esc waits.
func (m *Model) flushEsc() tea.Cmd {
	if !m.input.esc {
		return nil
	}
	seq := m.input.seq
	m.input.esc, m.input.seq = false, nil
	cmd := m.route(tea.KeyMsg{Type: tea.KeyEsc})
	for _, r := range seq {
		m.refresh()
		cmd = tea.Batch(cmd, m.route(runeKey(r)))
	}
	m.refresh()
	return cmd
}

// route hands one key to whoever takes it now: the declare form, the
// open prompt, the rest of a paste, the help, the global keys, the
// focused pane. While the screen is leaving, only q acts.
func (m *Model) route(k tea.KeyMsg) tea.Cmd {
	switch {
	case m.closing:
		if key.Matches(k, m.keys.Quit) {
			m.quit()
		}
		return nil
	case m.declare != nil:
		return m.declareKey(k)
	case m.prompt != nil:
		return m.promptKey(k)
	case m.input.afterEnter != nil && isText(k):
		m.open(m.input.afterEnter())
		return m.promptKey(k)
	case k.Paste:
		m.notice = m.c.t("pasted text is not a command: press n (a note) or t (a task) first, then paste")
		return nil
	}
	m.notice = ""
	if m.newsText != "" && k.Type == tea.KeyEsc {
		m.newsText, m.sheet = "", nil // seen, with what it reads back
		return nil
	}
	if m.fullHelp && m.helpKey(k) {
		return nil
	}
	if m.reading != nil && m.readingKey(k) {
		return nil
	}
	if m.sheet != nil && m.sheetKey(k) {
		return nil
	}
	if h, ok := m.panes()[m.focus].(holder); ok {
		if h.holds(k) {
			m.hand(m.panes()[m.focus], k)
			return nil
		}
		h.settle()
	}
	if m.c.viewer && m.onlyWatching(k) {
		return nil
	}
	if m.globalKey(k) {
		return nil
	}
	m.hand(m.panes()[m.focus], k)
	return nil
}

// takesText reports whether the next characters are text for an open
// prompt or the declare form, with no esc waiting.
func (m *Model) takesText() bool {
	return (m.prompt != nil || m.declare != nil) && !m.closing && !m.input.esc
}

// isChar reports whether a key is one typed character.
func isChar(k tea.KeyMsg) bool {
	return (k.Type == tea.KeyRunes && len(k.Runes) == 1 && !k.Alt && !k.Paste) || k.Type == tea.KeySpace
}

// typeRun inserts typed characters into the open prompt or form at once.
// They go in as one text, so that no word of them ("down") can be taken
// for the name of a key; completion follows them as it follows a key.
func (m *Model) typeRun(ks []tea.KeyMsg) tea.Cmd {
	rs := make([]rune, 0, len(ks))
	for _, k := range ks {
		rs = append(rs, k.Runes...)
	}
	text := tea.KeyMsg{Type: tea.KeyRunes, Runes: rs, Paste: true}
	if m.declare != nil {
		return m.declare.update(text)
	}
	return m.prompt.update(text)
}

// isText reports whether a key is text: a character, a space, a paste.
func isText(k tea.KeyMsg) bool {
	return (k.Type == tea.KeyRunes && !k.Alt) || k.Type == tea.KeySpace
}

// promptKey handles a key while a prompt is open: every character is
// text; enter submits, esc cancels, tab completes.
func (m *Model) promptKey(k tea.KeyMsg) tea.Cmd {
	p := m.prompt
	switch {
	case key.Matches(k, p.keys.Cancel):
		m.prompt, m.notice = nil, ""
	case key.Matches(k, p.keys.Complete) && p.tab != nil:
		m.open(p.tab(p))
	case key.Matches(k, p.keys.Submit):
		m.submit(p)
	default:
		return p.update(k)
	}
	return nil
}

// submit turns a prompt's text into what it says: a change, the next
// prompt of a form, or a notice that keeps the prompt open with its text.
func (m *Model) submit(p *prompt) {
	m.notice = ""
	op, next, err := p.submit(p.value())
	if err != nil {
		m.notice = m.c.explain(err)
		return
	}
	if op != nil {
		entries, ok := m.applyChange(op)
		if !ok {
			return // the notice says why; the text stays
		}
		if p.after != nil {
			m.notice, m.noticeStill = p.after(entries)
		}
		if p.then != nil {
			m.applyChange(p.then) // refused, the notice says why; the first change stays, u takes it back
		}
	}
	m.prompt = nil
	if next != nil {
		m.open(next)
		return
	}
	// What comes in the same burst after this enter is the next line of
	// a paste, not commands — unless the terminal marks its pastes, and
	// this is not one.
	if m.input.bracketed && !m.input.pasting {
		return
	}
	m.input.afterEnter = p.again
	if m.input.afterEnter == nil {
		ref := m.focusedRole().Ref
		m.input.afterEnter = func() *prompt { return notePrompt(m.c, ref) }
	}
}

// open shows a prompt: every key is its text until it closes.
func (m *Model) open(p *prompt) {
	m.prompt = p
	p.setSize(m.width, m.promptBudget())
}

// notify shows a one-off message under the panes.
func (m *Model) notify(text string) { m.notice = text }
