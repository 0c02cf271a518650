package main

import (
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/warroom/warroom/model/i18n"
)

// langFromArgs finds the language before the command line is parsed, so
// that --help can be written in it: --lang as typed, else the config's,
// else the locale.
func (a *app) langFromArgs(args []string) i18n.Lang {
	for i, arg := range args {
		if v, ok := strings.CutPrefix(arg, "--lang="); ok {
			if l, ok := parseLang(v); ok {
				return l
			}
		}
		if arg == "--lang" && i+1 < len(args) {
			if l, ok := parseLang(args[i+1]); ok {
				return l
			}
		}
	}
	if c, err := loadConfig(configPath(a.getenv)); err == nil {
		if l, ok := parseLang(c.Language); ok {
			return l
		}
	}
	return a.errorLang()
}

// translateHelp puts every command's help and every flag's description in
// lang, and the help's own headings.
func translateHelp(root *cobra.Command, lang i18n.Lang) {
	if lang == i18n.English || lang == "" {
		return
	}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		c.Short = lang.T(c.Short)
		c.Long = lang.T(c.Long)
		c.Example = lang.T(c.Example)
		for _, fs := range []*pflag.FlagSet{c.LocalNonPersistentFlags(), c.PersistentFlags()} {
			fs.VisitAll(func(f *pflag.Flag) { f.Usage = lang.T(f.Usage) })
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	root.InitDefaultHelpCmd()
	root.InitDefaultHelpFlag()
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		if c.Name() == "help" || c.Name() == "completion" {
			c.Short = lang.T(c.Short)
		}
	}
	tmpl := root.UsageTemplate()
	for _, r := range [][2]string{
		{"Usage:", "Uso:"}, {"Aliases:", "Alias:"}, {"Examples:", "Ejemplos:"},
		{"Available Commands:", "Órdenes:"}, {"Additional Commands:", "Otras órdenes:"},
		{"Global Flags:", "Opciones globales:"}, {"Flags:", "Opciones:"},
		{"Additional help topics:", "Más temas de ayuda:"},
		{"[command]", "[orden]"}, {"[flags]", "[opciones]"},
		{"for more information about a command.", "para saber más de una orden."},
		{`Use "`, `Usa "`},
	} {
		tmpl = strings.ReplaceAll(tmpl, r[0], r[1])
	}
	root.SetUsageTemplate(tmpl)
}
