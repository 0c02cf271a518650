package main

import (
	"testing"

	"github.com/warroom/warroom/model/i18n/i18ntest"
)

// The command loads every package, and with them every translation table:
// no two may translate the same English differently, and every
// translation fills in the same arguments as its English.
func TestTranslationTablesAgree(t *testing.T) {
	i18ntest.CheckTables(t)
}
