package tui

import (
	"github.com/charmbracelet/bubbles/help"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/warroom/warroom/model"
)

// tool is a role's own instrument on its pane: the tech lead's theories,
// the communications manager's updates, the incident manager's board. It
// brings its lines, its keys (help.KeyMap, for the footer and ?) and what
// they do. Which role has which tools is data: each role in the catalog
// (model/roles.toml) names its tools, so renaming a role keeps them and a
// new tool is one file that registers it plus one name in the catalog.
type tool interface {
	help.KeyMap
	// refresh takes the role instance whose pane shows the tool, after a
	// new snapshot, a change of role or a tick of the clock: the tool
	// derives what it shows and enables the keys that work now (none on
	// the wall).
	refresh(h model.Holding)
	// rows renders what the tool shows, w columns wide, each line with
	// the task or theory it shows, if any. It reads only what refresh
	// derived and what is visible.
	rows(w int) []row
	// key acts on a key pressed on the pane, where the pane's cursor is
	// on at; false when it is not the tool's key.
	key(msg tea.KeyMsg, at row) bool
}

// toolMakers are the tools by the name the catalog gives them. Each
// tool's file adds itself while the package is loaded (registerTool);
// nothing changes it after.
var toolMakers = map[string]func(c *common) tool{}

// registerTool makes a tool known by name. Call it from a package
// variable's initialiser in the tool's own file.
func registerTool(name string, make func(c *common) tool) struct{} {
	toolMakers[name] = make
	return struct{}{}
}

// toolsOf builds the tools a role's pane shows, in the catalog's order.
// A name no tool answers to is skipped (a config may name a tool of a
// newer warroom).
func toolsOf(c *common, role string) []tool {
	r, ok := c.catalog.Role(role)
	if !ok {
		return nil
	}
	var out []tool
	for _, name := range r.Tools {
		if make, ok := toolMakers[name]; ok {
			out = append(out, make(c))
		}
	}
	return out
}
