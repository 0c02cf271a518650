package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/report"
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
			if long {
				fmt.Fprint(a.stdout, report.RolesLong(roles, a.opts()))
			} else {
				fmt.Fprint(a.stdout, report.Roles(roles, a.opts()))
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&long, "long", false, "print every responsibility")
	return cmd
}
