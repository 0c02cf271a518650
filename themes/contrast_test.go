package themes

import (
	"testing"

	"github.com/charmbracelet/lipgloss"
)

// TestBuiltinContrast checks every built-in theme's text colours against
// its background with the WCAG 2 formula: at least 4.5:1 for text, 7:1 in
// high-contrast, and the same for the words drawn on severity badges and
// on the selected row.
func TestBuiltinContrast(t *testing.T) {
	for _, th := range All() {
		if th.Name == "mono" {
			continue // the terminal's own colours
		}
		floor := 4.5
		if th.Name == "high-contrast" {
			floor = 7
		}
		pairs := map[string][2]lipgloss.Color{
			"text": {th.Text, th.Background}, "muted": {th.Muted, th.Background}, "accent": {th.Accent, th.Background},
			"role": {th.Role, th.Background}, "default role": {th.DefaultRole, th.Background},
			"warning": {th.Warning, th.Background}, "done": {th.Done, th.Background},
			"investigating": {th.Investigating, th.Background}, "identified": {th.Identified, th.Background},
			"monitoring": {th.Monitoring, th.Background}, "resolved": {th.Resolved, th.Background},
			"closed":     {th.Closed, th.Background},
			"SEV1 badge": {th.OnBadge, th.Sev1}, "SEV2 badge": {th.OnBadge, th.Sev2},
			"SEV3 badge": {th.OnBadge, th.Sev3}, "unset badge": {th.OnBadge, th.SevUnset},
			"selected text": {th.Text, th.Selection},
		}
		for what, p := range pairs {
			c, err := Contrast(p[0], p[1])
			if err != nil {
				t.Errorf("%s %s: %v", th.Name, what, err)
				continue
			}
			if c < floor {
				t.Errorf("%s: %s %s on %s is %.2f:1, want %.1f:1", th.Name, what, p[0], p[1], c, floor)
			}
		}
	}
}

func TestContrastFormula(t *testing.T) {
	for _, c := range []struct {
		a, b lipgloss.Color
		want float64
	}{{"#000000", "#ffffff", 21}, {"#ffffff", "#ffffff", 1}, {"#777777", "#ffffff", 4.48}} {
		got, err := Contrast(c.a, c.b)
		if err != nil || got < c.want-0.01 || got > c.want+0.01 {
			t.Errorf("Contrast(%s, %s) = %.3f, %v; want %.2f", c.a, c.b, got, err, c.want)
		}
	}
	if _, err := Contrast("red", "#ffffff"); err == nil {
		t.Error("a colour name was accepted")
	}
}
