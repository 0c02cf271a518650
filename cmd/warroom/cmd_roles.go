package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/warroom/warroom/model"
)

func (a *app) rolesCmd() *cobra.Command {
	var long bool
	cmd := &cobra.Command{
		Use:   "roles [ROLE]",
		Short: "Print the role catalog",
		Long: `Print the incident roles: key, names accepted on the command line, and what
each role does. With ROLE (or --long), print its primary and secondary
responsibilities and other names too.`,
		Args:              cobra.MaximumNArgs(1),
		ValidArgsFunction: a.completeRoles,
		RunE: func(cmd *cobra.Command, args []string) error {
			roles := a.catalog.Roles()
			if len(args) == 1 {
				r, err := a.catalog.Lookup(args[0])
				if err != nil {
					return err
				}
				roles, long = []model.Role{r}, true
			}
			for i, r := range roles {
				a.printRole(i, r, long)
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&long, "long", false, "print every responsibility")
	return cmd
}

func (a *app) printRole(i int, r model.Role, long bool) {
	t := r.In(a.lang)
	names := []string{r.Key}
	for _, al := range r.Aliases {
		if al != r.Key {
			names = append(names, al)
		}
	}
	pos := a.catalog.Position(r.Key) + 1
	if !long {
		fmt.Fprintf(a.stdout, "%d  %-24s %-36s %s\n", pos, t.Name, strings.Join(names, ", "), t.Summary)
		return
	}
	if i > 0 {
		fmt.Fprintln(a.stdout)
	}
	fmt.Fprintf(a.stdout, "%d  %s  (%s)\n", pos, t.Name, strings.Join(names, ", "))
	if other := r.Text["es"]; a.lang != "es" && other.Name != "" {
		fmt.Fprintf(a.stdout, "   Spanish: %s\n", other.Name)
	}
	fmt.Fprintf(a.stdout, "   Primary: %s\n", t.Primary)
	for _, s := range t.Secondary {
		fmt.Fprintf(a.stdout, "   Also: %s\n", s)
	}
	if len(t.OtherNames) > 0 {
		fmt.Fprintf(a.stdout, "   Other names: %s\n", strings.Join(t.OtherNames, "; "))
	}
}
