package main

import (
	"context"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/i18n"
	"github.com/warroom/warroom/model/report"
	"github.com/warroom/warroom/model/safetext"
)

func (a *app) taskCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "task",
		Short: "Add, start, complete, reopen and list tasks",
		Long: `Tasks are the work someone should be doing. Each is owned by a role, a
person, both, or nobody yet; warroom shows who. Task ids are short
("k4m9"); any unique start of one will do.`,
		Args: noArgs,
		RunE: showHelp,
	}
	cmd.AddCommand(a.taskAddCmd(), a.taskListCmd(),
		a.taskSetCmd("start", "Mark a task as in progress", model.TaskInProgress),
		a.taskSetCmd("done", "Mark a task as done", model.TaskDone),
		a.taskSetCmd("reopen", "Put a started, done or cancelled task back to open", model.TaskOpen),
		a.taskSetCmd("cancel", "Cancel a task that is no longer needed (it stays on record)", model.TaskCancelled),
		a.taskAssignCmd(),
	)
	return cmd
}

func (a *app) taskAddCmd() *cobra.Command {
	var role, owner string
	var due time.Duration
	cmd := &cobra.Command{
		Use:   "add TITLE",
		Short: "Add an open task",
		Example: `  warroom task add "Roll back deploy 142" --role tl/database
  warroom task add "Post a status page update" --role comms --owner carol`,
		Args: needText("TITLE"),
		RunE: func(cmd *cobra.Command, args []string) error {
			title, err := a.textArg(args)
			if err != nil {
				return err
			}
			ref, err := a.optionalRole(role)
			if err != nil {
				return err
			}
			return a.applyTask(cmd.Context(), model.TaskAdd{Title: title, Role: ref, Owner: owner, Within: due}, "added task ")
		},
	}
	cmd.Flags().StringVar(&role, "role", "", "owning role: ROLE or ROLE/WORKSTREAM")
	cmd.Flags().StringVar(&owner, "owner", "", "owning person")
	cmd.Flags().DurationVar(&due, "due", 0, "time-box the task: due this long from now (10m, 1h)")
	_ = cmd.RegisterFlagCompletionFunc("role", a.completeRoles)
	_ = cmd.RegisterFlagCompletionFunc("owner", a.completePeople)
	return cmd
}

func (a *app) taskSetCmd(verb, short string, state model.TaskState) *cobra.Command {
	return &cobra.Command{
		Use:               verb + " ID",
		Short:             short,
		Args:              exactly("a task ID"),
		ValidArgsFunction: a.completeTasks(state),
		RunE: func(cmd *cobra.Command, args []string) error {
			_, entries, err := a.apply(cmd.Context(), model.TaskSet{Task: args[0], State: state}, false)
			if err != nil {
				return err
			}
			e := entries[0]
			a.say("task %s %q is now %s\n", e.Task, safetext.Line(e.Text), i18n.Word(state.Label()))
			return nil
		},
	}
}

func (a *app) taskListCmd() *cobra.Command {
	var all bool
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List open tasks (--all for done ones too)",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := a.load()
			if err != nil {
				return err
			}
			fmt.Fprint(a.stdout, report.TaskList(st, all, a.opts()))
			return nil
		},
	}
	cmd.Flags().BoolVar(&all, "all", false, "include done tasks")
	return cmd
}

func (a *app) taskAssignCmd() *cobra.Command {
	var role, owner string
	cmd := &cobra.Command{
		Use:   "assign ID [--role ROLE] [--owner NAME]",
		Short: "Give a task to another role or person (neither: to nobody)",
		Example: `  warroom task assign k4 --role tl/network
  warroom task assign k4 --owner dave`,
		Args:              exactly("a task ID"),
		ValidArgsFunction: a.completeOpenTasks,
		RunE: func(cmd *cobra.Command, args []string) error {
			ref, err := a.optionalRole(role)
			if err != nil {
				return err
			}
			return a.applyTask(cmd.Context(), model.TaskAssign{Task: args[0], Role: ref, Owner: owner}, "task ")
		},
	}
	cmd.Flags().StringVar(&role, "role", "", "owning role: ROLE or ROLE/WORKSTREAM")
	cmd.Flags().StringVar(&owner, "owner", "", "owning person")
	_ = cmd.RegisterFlagCompletionFunc("role", a.completeRoles)
	_ = cmd.RegisterFlagCompletionFunc("owner", a.completePeople)
	return cmd
}

// applyTask applies a change to one task and prints the task with its
// owner: "added task k4m9 "title", owner: Tech lead (bob)".
func (a *app) applyTask(ctx context.Context, op model.Op, prefix string) error {
	st, entries, err := a.apply(ctx, op, false)
	if err != nil {
		return err
	}
	task, err := st.Task(entries[0].Task)
	if err != nil {
		return err
	}
	a.say(prefix+"%s %q, owner: %s\n", task.ID, safetext.Line(task.Title), report.TaskCredit(st, task, a.opts()))
	return nil
}
