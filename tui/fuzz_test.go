package tui

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/warroom/warroom/model/store"
)

// fuzzKeys are the keys the fuzzer presses: every binding of the screen,
// the prompt's keys, and a few that mean nothing.
var fuzzKeys = []tea.KeyMsg{
	{Type: tea.KeyTab}, {Type: tea.KeyShiftTab}, {Type: tea.KeyEnter}, {Type: tea.KeyEsc},
	{Type: tea.KeyUp}, {Type: tea.KeyDown}, {Type: tea.KeyLeft}, {Type: tea.KeyRight},
	{Type: tea.KeyPgUp}, {Type: tea.KeyPgDown}, {Type: tea.KeyHome}, {Type: tea.KeyEnd},
	{Type: tea.KeyBackspace}, {Type: tea.KeyCtrlC}, {Type: tea.KeyCtrlK}, {Type: tea.KeySpace, Runes: []rune{' '}},
}

// fuzzRunes are the characters that are keys somewhere on the screen.
const fuzzRunes = "jkgGnthdsxoafFqu?12345678+pmrwAXcSVCT/:-@ "

// fuzzEvents turns fuzz input into what a screen receives: keys one at a
// time and in bursts, pastes, alt+letters, window sizes, pauses, ticks,
// and saves coming back.
func fuzzEvents(data []byte) []tea.Msg {
	var out []tea.Msg
	next := func() byte {
		if len(data) == 0 {
			return 0
		}
		b := data[0]
		data = data[1:]
		return b
	}
	text := func() string {
		n := int(next()%12) + 1
		var b strings.Builder
		for i := 0; i < n; i++ {
			b.WriteByte(fuzzRunes[int(next())%len(fuzzRunes)])
		}
		return b.String()
	}
	for len(data) > 0 {
		switch op := next(); op % 16 {
		case 0, 1, 2, 3, 4:
			out = append(out, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{rune(fuzzRunes[int(next())%len(fuzzRunes)])}})
		case 5, 6:
			out = append(out, fuzzKeys[int(next())%len(fuzzKeys)])
		case 7, 8:
			out = append(out, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(text())})
		case 9:
			t := strings.ReplaceAll(text(), ":", "\n")
			out = append(out, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(t), Paste: true})
		case 10:
			out = append(out, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{rune(fuzzRunes[int(next())%len(fuzzRunes)])}, Alt: true})
		case 11:
			out = append(out, tea.WindowSizeMsg{Width: int(next()) % 200, Height: int(next()) % 70})
		case 12, 13:
			out = append(out, settleMsg{}) // the gen is filled in when sent
		case 14:
			out = append(out, tickMsg(testNow.Add(time.Duration(next())*time.Second)))
		case 15:
			out = append(out, savedMsg{}) // committed: everything pending so far
		}
	}
	return out
}

// maxFuzzScreen bounds what FuzzScreen reads of an input: some twenty
// keys, pastes, sizes and ticks, enough to open a prompt, type into it
// and leave it. A run costs milliseconds (a frame is drawn after every
// message); the fuzzer's minimizing, quadratic in an input's length, is
// off for this package (TestMain), and a short input needs none.
const maxFuzzScreen = 32

// FuzzScreen sends random keys, bursts, pastes and window sizes into the
// screen, on the main screen and on the wall, and checks after every
// message that nothing panicked and that the screen holds together: the
// focus in range, the selected task one that exists, no change made on
// the wall or while the screen is leaving, every frame the window's size.
func FuzzScreen(f *testing.F) {
	for _, seed := range []string{
		"\x00\x00", "\x07\x05\x00\x01\x02", "\x09\x03abc", "\x0a\x0a", "\x0b\x50\x18",
		"\x00\x0a\x07\x04abcd\x05\x02", "\x00\x14\x00\x15\x00\x0d", "\x01\x00\x10\x00\x11\x00\x12",
	} {
		f.Add(false, []byte(seed))
		f.Add(true, []byte(seed))
	}
	s := sampleState(f) // an incident is a value: every run starts from it
	f.Fuzz(func(t *testing.T, wall bool, data []byte) {
		data = data[:min(len(data), maxFuzzScreen)]
		saver := &fakeSaver{}
		var seed uint64
		m := New(Options{Path: "warroom.toml", Actor: "alice", Styles: asciiStyles(), Wall: wall,
			Now: func() time.Time { return testNow }, Seed: func() uint64 { seed++; return seed },
			Replica: "fuzz", Saver: saver, Results: make(chan store.WriteResult)}, s)
		m = send(m, windowSize(120, 40))
		submitted := 0
		for _, msg := range fuzzEvents(data) {
			closing := m.closing || m.quitting
			switch msg := msg.(type) {
			case settleMsg:
				m = send(m, settleMsg{m.input.gen})
			case savedMsg:
				var seqs []uint64
				for _, p := range m.pending {
					seqs = append(seqs, p.seq)
				}
				m = send(m, savedMsg(store.WriteResult{State: m.c.state(), Committed: seqs}))
			default:
				m = send(m, msg)
			}
			n := len(saver.submitted())
			switch {
			case wall && n > 0:
				t.Fatalf("the wall made a change: %#v", saver.submitted())
			case closing && n > submitted:
				t.Fatalf("a change was made while the screen was leaving: %#v", saver.submitted()[submitted:])
			}
			submitted = n
			checkScreen(t, m)
		}
	})
}

// checkScreen fails t when the screen does not hold together.
func checkScreen(t *testing.T, m *Model) {
	t.Helper()
	if m.focus < 0 || m.focus >= areaCount {
		t.Fatalf("focus %d out of range", m.focus)
	}
	if hs := m.c.snap.holdings; m.role < 0 || (len(hs) > 0 && m.role >= len(hs)) {
		t.Fatalf("role %d of %d", m.role, len(hs))
	}
	if sel, ok := m.tasks.view.selected(); ok {
		if _, err := m.c.state().Task(sel.ID); err != nil {
			t.Fatalf("the selected task %s is not in the incident", sel.ID)
		}
	}
	if m.quitting {
		return
	}
	v := m.View()
	if got := len(lines(v)); m.height > 0 && m.width > 0 && got != m.height {
		t.Fatalf("the frame is %d lines for a window of %d", got, m.height)
	}
	for i, l := range lines(v) {
		if w := lipgloss.Width(l); m.width > 0 && w > m.width {
			t.Fatalf("line %d is %d columns wide in a window of %d: %q", i, w, m.width, l)
		}
	}
}
