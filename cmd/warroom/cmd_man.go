package main

import (
	"fmt"
	"strings"

	mcobra "github.com/muesli/mango-cobra"
	"github.com/muesli/roff"
	"github.com/spf13/cobra"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/i18n"
)

// manFormat is what warroom man writes.
type manFormat string

// The man formats: a roff man page, the command reference in markdown.
const (
	manRoff     manFormat = "roff"
	manMarkdown manFormat = "md"
)

// manFormats lists the man formats, the default first.
var manFormats = []manFormat{manRoff, manMarkdown}

func (a *app) manCmd() *cobra.Command {
	var formatFlag string
	cmd := &cobra.Command{
		Use:   "man",
		Short: "Write the man page, or the command reference in markdown",
		Long: `Write warroom's manual page to standard output, made from the same commands
and flags as --help, in the language of --help. --format md writes the
command reference in markdown instead: every command, its flags and its
examples, as docs/commands.md in warroom's source holds it.`,
		Example: `  warroom man > /usr/local/share/man/man1/warroom.1
  warroom man | man -l -
  warroom man --format md --lang en > docs/commands.md`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			format, err := model.ParseWord("format", formatFlag, manFormats)
			if err != nil {
				return err
			}
			root := cmd.Root()
			root.InitDefaultHelpCmd() // as Execute added them: the tree --help shows
			root.InitDefaultCompletionCmd()
			if format == manMarkdown {
				_, err := fmt.Fprint(a.stdout, reference(root))
				return err
			}
			page, err := a.manPage(root)
			if err != nil {
				return err
			}
			_, err = fmt.Fprint(a.stdout, page)
			return err
		},
	}
	cmd.Flags().StringVar(&formatFlag, "format", string(manRoff), "roff (a man page) or md (the command reference in markdown)")
	_ = cmd.RegisterFlagCompletionFunc("format", fixedCompletion(manFormats...))
	return cmd
}

// manPage is the roff man page of root's tree, in the chosen language,
// with the environment and the exit status after the commands.
func (a *app) manPage(root *cobra.Command) (string, error) {
	page, err := mcobra.NewManPage(1, root)
	if err != nil {
		return "", fmt.Errorf("make the man page: %w", err)
	}
	page = page.WithLongDescription(reflow(root.Long)).
		WithSection(a.lang.T("Environment"), a.lang.T(manEnvironment)).
		WithSection(a.lang.T("Exit status"), a.lang.T(manExitStatus)).
		WithSection(a.lang.T("See also"), a.lang.T(manSeeAlso))
	return page.Build(roff.NewDocument()), nil
}

// The man page's own sections; each line is a paragraph.
const (
	manEnvironment = `WARROOM_FILE: the incident file, as --file.
WARROOM_USER: your name in the timeline, as --as.
WARROOM_HOOKS: hooks files, as --hooks.
WARROOM_SSH_COMMAND: the command warroom sync runs instead of ssh.
WARROOM_MERGE_STRICT=1: the merge driver in strict mode.
XDG_CONFIG_HOME: where warroom/config.toml is read from.
LC_ALL, LC_MESSAGES, LANG: the language, when neither --lang nor the config sets it.
NO_COLOR, TERM=dumb: the mono theme.`
	manExitStatus = `0 when the change is on disk, or when it would change nothing because the incident is already so ("nothing changed:" says why). 2 for bad usage: an unknown command, flag, role, status or task, or text over a limit. 1 for anything else, such as no incident file or a file that does not parse. warroom merge-driver also exits 1 on a strict conflict and 255 when it could not merge.`
	manSeeAlso    = `warroom COMMAND --help, and the documentation in the docs folder of warroom's source.`
)

// reflow joins the lines of each paragraph of a help text into one, for
// roff to fill; lines of a paragraph that holds indented lines (an
// example) stay lines. Paragraphs are separated by one line break.
func reflow(text string) string {
	paras := strings.Split(strings.TrimSpace(text), "\n\n")
	for i, p := range paras {
		if !strings.Contains(p, "\n ") && !strings.HasPrefix(p, " ") {
			paras[i] = strings.Join(strings.Fields(p), " ")
		}
	}
	return strings.Join(paras, "\n")
}

// Spanish for warroom man, registered with i18n when the package is
// loaded.
var _ = i18n.Register("cli-man", i18n.Spanish, map[string]string{
	"Write the man page, or the command reference in markdown": "Escribe la página de manual, o la referencia de las órdenes en markdown",
	"Write warroom's manual page to standard output, made from the same commands\nand flags as --help, in the language of --help. --format md writes the\ncommand reference in markdown instead: every command, its flags and its\nexamples, as docs/commands.md in warroom's source holds it.": "Escribe la página de manual de warroom en la salida estándar, hecha con las\nmismas órdenes y opciones que --help, en el idioma de --help. --format md\nescribe en su lugar la referencia de las órdenes en markdown: cada orden,\nsus opciones y sus ejemplos, como la guarda docs/commands.md en el código\nfuente de warroom.",
	"  warroom man > /usr/local/share/man/man1/warroom.1\n  warroom man | man -l -\n  warroom man --format md --lang en > docs/commands.md":                                                                                                                                                     "  warroom man > /usr/local/share/man/man1/warroom.1\n  warroom man | man -l -\n  warroom man --format md --lang en > docs/commands.md",
	"Environment": "Entorno",
	"Exit status": "Código de salida",
	"See also":    "Véase también",
	manEnvironment: `WARROOM_FILE: el archivo del incidente, como --file.
WARROOM_USER: tu nombre en la cronología, como --as.
WARROOM_HOOKS: archivos de hooks, como --hooks.
WARROOM_SSH_COMMAND: la orden que warroom sync ejecuta en lugar de ssh.
WARROOM_MERGE_STRICT=1: el driver de combinación en modo estricto.
XDG_CONFIG_HOME: de dónde se lee warroom/config.toml.
LC_ALL, LC_MESSAGES, LANG: el idioma, cuando ni --lang ni la configuración lo fijan.
NO_COLOR, TERM=dumb: el tema mono.`,
	manExitStatus: `0 cuando el cambio está en el disco, o cuando no cambiaría nada porque el incidente ya está así («no ha cambiado nada:» dice por qué). 2 para un uso incorrecto: una orden, opción, función, estado o tarea desconocidos, o un texto que pasa de un límite. 1 para todo lo demás, como que no haya archivo del incidente o un archivo que no se puede leer. warroom merge-driver también sale con 1 ante un conflicto estricto y con 255 cuando no ha podido combinar.`,
	manSeeAlso:    `warroom ORDEN --help, y la documentación de la carpeta docs del código fuente de warroom.`,
	"roff (a man page) or md (the command reference in markdown)": "roff (una página de manual) o md (la referencia de las órdenes en markdown)",
})
