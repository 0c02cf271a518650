package model

import "strings"

// checkService validates the service an incident is about, which may be
// empty: a name, as a person's is (one line, at most MaxName characters).
func checkService(service string) (string, error) {
	return optionalName("service", service)
}

// serviceStamp is the stamp a service set at the declaration takes: st,
// or none when no service was given, so that an incident without one
// keeps no stamp for it.
func serviceStamp(service string, st Stamp) Stamp {
	if strings.TrimSpace(service) == "" {
		return Stamp{}
	}
	return st
}
