package main

import (
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/i18n"
	"github.com/warroom/warroom/model/safetext"
	"github.com/warroom/warroom/model/store"
)

func (a *app) gitCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "git",
		Short: "Set git up to merge incident files as warroom sync does",
		Long: `Teams keep incidents in git. Set git up once and a git merge of two
branches that changed one incident merges it as warroom sync does, with
warroom merge-driver: nothing either branch wrote is lost, no conflict
markers are written into the file.

install writes git's merge.warroom config (this repository's, or with
--global your own for every repository) and a .gitattributes line giving
the incident files to the driver. check says whether that is done.`,
		Example: `  warroom git install
  warroom git install --global --pattern 'incidents/*.toml'
  warroom git check`,
		Args: noArgs,
		RunE: showHelp,
	}
	cmd.AddCommand(a.gitInstallCmd(), a.gitCheckCmd())
	return cmd
}

func (a *app) gitInstallCmd() *cobra.Command {
	var global, strict bool
	var patterns []string
	cmd := &cobra.Command{
		Use:   "install",
		Short: "Make git merge incident files with warroom merge-driver",
		Long: `Set git up to merge incident files with warroom merge-driver:

  git config merge.warroom.name "warroom incident merge"
  git config merge.warroom.driver "warroom merge-driver %O %A %B %P"

and add to the repository's .gitattributes a line for each pattern
(*.incident.toml and warroom.toml unless --pattern says otherwise):

  *.incident.toml merge=warroom

Commit .gitattributes, so that every clone gives those files to the
driver; git's config is each clone's own, so each runs warroom git install
once (or warroom git install --global once per machine). With --global,
the config goes to your global git config and the lines to your global
attributes file (core.attributesFile, else ~/.config/git/attributes).
--strict leaves a title or summary changed on both branches for people to
decide (see warroom merge-driver). Running it again changes nothing.`,
		Example: `  warroom git install
  warroom git install --strict
  warroom git install --global --pattern 'incidents/*.toml'`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if len(patterns) == 0 {
				patterns = defaultPatterns()
			}
			for _, p := range patterns {
				if strings.TrimSpace(p) == "" || strings.ContainsAny(p, " \t\n\"#") {
					return usage("--pattern %q: give a gitattributes pattern without spaces, quotes or #, such as *.incident.toml", p)
				}
			}
			return a.gitInstall(gitRunner{ctx: cmd.Context(), dir: "."}, global, strict, patterns)
		},
	}
	cmd.Flags().BoolVar(&global, "global", false, "set it up for every repository of yours, not only this one")
	cmd.Flags().BoolVar(&strict, "strict", false, "leave a title or summary changed on both branches for people to decide")
	cmd.Flags().StringArrayVar(&patterns, "pattern", nil, "the files to merge with warroom, as a gitattributes pattern; may be given more than once (default *.incident.toml and warroom.toml)")
	return cmd
}

// gitInstall writes the driver's config and attribute lines, and says
// what it changed.
func (a *app) gitInstall(g gitRunner, global, strict bool, patterns []string) error {
	scope, where := "--local", i18n.Word("this repository's git config")
	var attrs string
	if global {
		scope, where = "--global", i18n.Word("your global git config")
		file, err := a.globalAttributes(g)
		if err != nil {
			return err
		}
		attrs = file
	} else {
		top, ok := g.top()
		if !ok {
			if _, err := g.run("--version"); err != nil {
				return err
			}
			return failf("not in a git repository: run warroom git install in one, or use --global")
		}
		attrs = filepath.Join(top, ".gitattributes")
	}
	changed := false
	for _, kv := range [][2]string{{driverName, driverDesc}, {driverKey, driverCommand(strict)}} {
		cur, ok, err := g.get(scope, kv[0])
		if err != nil {
			return err
		}
		if ok && cur == kv[1] {
			continue
		}
		if err := g.set(scope, kv[0], kv[1]); err != nil {
			return err
		}
		changed = true
		if ok {
			a.say("set %s = %q in %s (it was %q)\n", kv[0], kv[1], where, safetext.Line(cur))
		} else {
			a.say("set %s = %q in %s\n", kv[0], kv[1], where)
		}
	}
	added, err := addPatterns(attrs, patterns)
	if err != nil {
		return err
	}
	for _, p := range added {
		changed = true
		a.say("added %q to %s\n", p+" "+mergeAttr, safetext.Line(attrs))
	}
	list := strings.Join(patterns, " ")
	if !changed {
		return &model.UnchangedError{Reason: i18n.M("git already merges %s with warroom merge-driver", list)}
	}
	if global {
		a.say("git now merges %s with warroom merge-driver, in every repository of yours\n", list)
	} else {
		a.say("git now merges %s with warroom merge-driver; commit .gitattributes, and run warroom git install once in every clone\n", list)
	}
	return nil
}

// addPatterns adds to the attributes file a line giving merge=warroom to
// each pattern that has none, and returns those patterns. A file already
// so is left as it is.
func addPatterns(file string, patterns []string) ([]string, error) {
	data, err := os.ReadFile(file)
	mode := fs.FileMode(0o644)
	switch {
	case err == nil:
		if info, err := os.Stat(file); err == nil {
			mode = info.Mode().Perm()
		}
	case errors.Is(err, fs.ErrNotExist):
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			return nil, failf("cannot create the folder of %s: %s", file, err.Error())
		}
	default:
		return nil, failf("cannot read %s: %s", file, err.Error())
	}
	text, added := withPatterns(string(data), patterns)
	if len(added) == 0 {
		return nil, nil
	}
	if err := store.WriteAtomic(file, []byte(text), mode); err != nil {
		return nil, err
	}
	return added, nil
}

func (a *app) gitCheckCmd() *cobra.Command {
	var global bool
	cmd := &cobra.Command{
		Use:   "check [FILE...]",
		Short: "Say whether git merges incident files with warroom merge-driver",
		Long: `Say whether git is set up to merge incident files with warroom
merge-driver, and what is missing: merge.warroom.driver in git's config
(this repository's or your global one; --global: only the global one), an
attributes file giving merge=warroom to some files (the repository's
.gitattributes, its info/attributes, your global attributes file), and
the warroom program on PATH, for git to run. Given FILEs, it also says
whether git gives each of them to the driver. Exit status 0 when it is set
up, 1 when something is missing.`,
		Example: `  warroom git check
  warroom git check incidents/checkout.incident.toml`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.gitCheck(gitRunner{ctx: cmd.Context(), dir: "."}, global, args)
		},
	}
	cmd.Flags().BoolVar(&global, "global", false, "check your global git config and attributes only")
	return cmd
}

// setupError lists what is missing for git to merge incident files with
// warroom.
type setupError struct{ missing []i18n.Message }

func (e setupError) Error() string { return e.In(i18n.English) }

// In says it in language l.
func (e setupError) In(l i18n.Lang) string {
	parts := make([]string, len(e.missing))
	for i, m := range e.missing {
		parts[i] = m.In(l)
	}
	return l.T("git does not merge incident files with warroom yet: %s; run warroom git install", strings.Join(parts, "; "))
}

// gitCheck says how git stands and fails with what is missing.
func (a *app) gitCheck(g gitRunner, global bool, files []string) error {
	if _, err := g.run("--version"); err != nil {
		return err
	}
	var missing []i18n.Message
	scope := "--global"
	top, inRepo := "", false
	if !global {
		scope = ""
		if top, inRepo = g.top(); !inRepo {
			a.say("not in a git repository: only your global git config is checked\n")
		}
	}
	driver, ok, err := g.get(scope, driverKey)
	switch {
	case err != nil:
		return err
	case !ok:
		missing = append(missing, i18n.M("%s is not set", driverKey))
	case !runsDriver(driver):
		missing = append(missing, i18n.M("%s is %q, which does not run warroom merge-driver %%O %%A %%B", driverKey, safetext.Line(driver)))
	default:
		a.say("%s = %q\n", driverKey, safetext.Line(driver))
		words, _ := driverWords(driver)
		prog := words[0]
		if at, err := exec.LookPath(prog); err != nil {
			missing = append(missing, i18n.M("%s is not on PATH, so git cannot run the driver: put warroom there, or give its full path in %s", prog, driverKey))
		} else {
			a.say("git runs %s\n", safetext.Line(at))
		}
	}
	var attrFiles []string
	if inRepo {
		attrFiles = append(attrFiles, filepath.Join(top, ".gitattributes"))
		if f, ok := g.infoAttributes(); ok {
			attrFiles = append(attrFiles, f)
		}
	}
	gf, err := a.globalAttributes(g)
	if err != nil {
		return err
	}
	attrFiles = append(attrFiles, gf)
	found := false
	for _, f := range attrFiles {
		data, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		if ps := warroomPatterns(string(data)); len(ps) > 0 {
			found = true
			a.say("%s gives merge=warroom to %s\n", safetext.Line(f), safetext.Line(strings.Join(ps, " ")))
			// A later line (-merge, merge=other) may take it back: ask git
			// what it gives a path each pattern names.
			for _, p := range ps {
				sample, ok := samplePath(p)
				if !ok || !inRepo {
					continue
				}
				out, err := g.run("check-attr", "merge", "--", sample)
				if err != nil {
					return err
				}
				if !strings.HasSuffix(out, ": merge: warroom") {
					missing = append(missing, i18n.M("%s gives merge=warroom to %s, but a later line takes it back (git check-attr merge %s: %s)",
						f, p, sample, safetext.Line(strings.TrimSpace(out))))
				}
			}
		}
	}
	if !found {
		missing = append(missing, i18n.M("no attributes file gives merge=warroom to any file"))
	}
	for _, f := range files {
		if !inRepo {
			break
		}
		out, err := g.run("check-attr", "merge", "--", f)
		if err != nil {
			return err
		}
		if strings.HasSuffix(out, ": merge: warroom") {
			a.say("%s: merged by warroom\n", safetext.Line(f))
		} else {
			missing = append(missing, i18n.M("%s is not given to the driver: add a pattern that matches it (warroom git install --pattern)", f))
		}
	}
	if len(missing) > 0 {
		return setupError{missing: missing}
	}
	a.say("set up: git merges incident files with warroom merge-driver\n")
	return nil
}
