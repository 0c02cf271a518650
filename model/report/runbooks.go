package report

import "github.com/warroom/warroom/model"

// runbookApplied says what a runbook entry records: which runbook was
// applied, who keeps it, and until when it was to be reviewed.
func runbookApplied(e model.Entry, o Options) string {
	s := o.t("applied runbook %q", line(e.Text))
	switch {
	case e.To != "" && e.From != "":
		s += " " + o.t("(owner %s, review by %s)", line(e.To), line(e.From))
	case e.To != "":
		s += " " + o.t("(owner %s)", line(e.To))
	case e.From != "":
		s += " " + o.t("(review by %s)", line(e.From))
	}
	return s
}

// TaskSource says which runbook and step added a task: "runbook
// \"Checkout outage\", step 2"; "" for a task added by a person.
func TaskSource(t model.Task, o Options) string {
	if t.Runbook == "" {
		return ""
	}
	return o.t("runbook %q, step %d", line(t.Runbook), t.Step)
}
