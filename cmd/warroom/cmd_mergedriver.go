package main

import (
	"errors"
	"os"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/warroom/warroom/model/gitmerge"
	"github.com/warroom/warroom/model/i18n"
	"github.com/warroom/warroom/model/report"
	"github.com/warroom/warroom/model/safetext"
	"github.com/warroom/warroom/model/store"
)

// strictEnv turns strict mode on for every merge the driver runs while it
// is set, as for one git merge: WARROOM_MERGE_STRICT=1 git merge topic.
const strictEnv = "WARROOM_MERGE_STRICT"

func (a *app) mergeDriverCmd() *cobra.Command {
	var strict bool
	cmd := &cobra.Command{
		Use:   "merge-driver BASE OURS THEIRS [PATH]",
		Short: "Merge three versions of an incident file: git's merge driver",
		Long: `Merge three versions of one incident file as warroom sync merges two
copies: entries, tasks, handoffs, people, theories and follow-ups are
united; of two changes to one field, the later wins and the other stays in
the timeline. git runs it for the files .gitattributes gives merge=warroom
(warroom git install sets it up) with the common version (BASE), this
branch's (OURS), the other branch's (THEIRS) and the file's path. The
result is written over OURS, and only there.

With --strict (or WARROOM_MERGE_STRICT=1), a title or summary changed on
both branches since BASE is left for people to decide: the later is kept,
the file records the conflict (warroom check and show say so), and the
exit status is 1, which git reports as a conflict. Set the field again
(warroom title TEXT: the same text keeps it), then git add the file. With
no BASE (a file added on both branches), every title or summary the two
sides changed apart is such a conflict.

An empty version holds no incident yet: the other is the result. A version
that is not an incident file, has a mistake in it, is of a newer schema or
holds a key warroom does not know, or two different incidents, are
refused: OURS is left byte for byte as it was, and the exit status is 255,
which git takes as the driver failing.`,
		Example: `  git config merge.warroom.driver "warroom merge-driver %O %A %B %P"
  git config merge.warroom.driver "warroom merge-driver --strict %O %A %B %P"`,
		// A mistake in how the driver is run is the driver failing (exit
		// 255): git takes 2 as a merge with conflicts.
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) < 3 {
				return driverError{err: exactly("a BASE file", "an OURS file", "a THEIRS file")(cmd, args)}
			}
			if len(args) > 4 {
				return driverError{err: exactly("a BASE file", "an OURS file", "a THEIRS file", "a PATH")(cmd, args)}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if v := a.getenv(strictEnv); v != "" && !strict {
				on, err := strconv.ParseBool(v)
				if err != nil {
					return driverError{err: usage("%s=%s: give 1 or 0, true or false", strictEnv, v)}
				}
				strict = on
			}
			path := args[1]
			if len(args) == 4 {
				path = args[3]
			}
			return a.mergeDriver(args[0], args[1], args[2], path, strict)
		},
	}
	cmd.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return driverError{err: usageError{err: err}} })
	cmd.Flags().BoolVar(&strict, "strict", false, "leave a title or summary changed on both branches for people to decide (env WARROOM_MERGE_STRICT)")
	return cmd
}

// mergeDriver merges base, ours and theirs into ours; path names the
// file in messages.
func (a *app) mergeDriver(basePath, oursPath, theirsPath, path string, strict bool) error {
	in := gitmerge.Input{Path: path, Strict: strict}
	info, err := os.Stat(oursPath)
	if err != nil {
		return driverFailed(path, &gitmerge.SideError{Side: gitmerge.Ours, Err: err})
	}
	// Read as every reader of an incident reads: a FIFO, a device or a
	// file over the limit is refused before anything is read.
	if in.Ours, err = store.ReadFile(oursPath); err != nil {
		return driverFailed(path, &gitmerge.SideError{Side: gitmerge.Ours, Err: err})
	}
	if in.Theirs, err = store.ReadFile(theirsPath); err != nil {
		return driverFailed(path, &gitmerge.SideError{Side: gitmerge.Theirs, Err: err})
	}
	if strict {
		if in.Base, err = store.ReadFile(basePath); err != nil {
			return driverFailed(path, &gitmerge.SideError{Side: gitmerge.Base, Err: err})
		}
	}
	res, err := gitmerge.Merge(in)
	if err != nil {
		return driverFailed(path, err)
	}
	if res.Changed {
		var renamed *store.RenamedError
		switch err := store.WriteAtomic(oursPath, res.Data, info.Mode().Perm()); {
		case errors.As(err, &renamed):
			// The merge is in place: say so, and let git go on with it.
			a.warn("warning: %s", renamed.Error())
		case err != nil:
			return driverFailed(path, err)
		}
	}
	if len(res.Conflicts) == 0 {
		return nil
	}
	o := report.Options{Catalog: a.catalog, Lang: a.errorLang()}
	for _, l := range report.ConflictLines(res.Conflicts, o) {
		a.warn("%s: %s", safetext.Line(path), l)
	}
	return failf("CONFLICT in %s: the merged file records what both branches wrote; decide with warroom --file %s title or summary, then git add %s",
		path, path, path)
}

// driverError is a merge the driver could not make: nothing was written,
// and it exits with exitDriverFailed.
type driverError struct{ err error }

func (e driverError) Error() string { return e.err.Error() }
func (e driverError) Unwrap() error { return e.err }

// driverFailed reports err as a merge that could not be made.
func driverFailed(path string, err error) error {
	return driverError{hintError{err: err, hint: i18n.M("nothing was merged: %s is left as it was on this branch", path)}}
}

// isDriverFailure reports whether err is a merge the driver could not make.
func isDriverFailure(err error) bool {
	var de driverError
	return errors.As(err, &de)
}
