package serve

import (
	"context"
	"log/slog"
	"slices"
	"strings"
	"sync"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/i18n"
	"github.com/warroom/warroom/model/store"
)

// teamWatch is the team file as last read, read again when it changes.
type teamWatch struct {
	mu       sync.Mutex
	team     *Team
	onChange func(*Team)
}

func watchTeam(ctx context.Context, path string, log *slog.Logger) (*teamWatch, error) {
	t, err := ReadTeam(path)
	if err != nil {
		return nil, err
	}
	for _, p := range t.Problems {
		log.Warn("team", "problem", p)
	}
	w := &teamWatch{team: t}
	changes, err := store.Watch(ctx, path)
	if err != nil {
		return nil, err
	}
	go func() {
		for range changes {
			t, err := ReadTeam(path)
			if err != nil {
				log.Error("team file not read again; the team as it was stays", "err", err)
				continue
			}
			for _, p := range t.Problems {
				log.Warn("team", "problem", p)
			}
			w.mu.Lock()
			w.team = t
			on := w.onChange
			w.mu.Unlock()
			log.Info("team read again", "members", len(t.Members))
			if on != nil {
				on(t)
			}
		}
	}()
	return w, nil
}

func (w *teamWatch) get() *Team {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.team
}

// endRemoved ends the sessions of keys the team no longer has, or no
// longer gives the same name or access, telling each person why.
func (srv *server) endRemoved(t *Team) {
	srv.mu.Lock()
	var gone []*session
	for s := range srv.live {
		if s.member.Access == View && strings.HasPrefix(s.member.Name, "viewer ") && srv.o.AnyoneViews {
			continue
		}
		if m, ok := t.byFingerprint(s.key); !ok || m.Name != s.member.Name || m.Access != s.member.Access {
			gone = append(gone, s)
		}
	}
	srv.mu.Unlock()
	for _, s := range gone {
		why := msgRemoved
		if slices.ContainsFunc(t.Members, func(m Member) bool { return model.SameName(m.Name, s.member.Name) }) {
			why = msgChanged
		}
		srv.log.Info("ended", "who", s.member.Name, "key", s.key, "reason", "no longer in the team as such")
		s.endFor(why)
	}
}

// What a person whose place in the team changed is told as their
// session ends.
var (
	msgRemoved = i18n.M("you are no longer in this war room's team, so your session ends; ask its host to add you again (warroom team add NAME KEYFILE)")
	msgChanged = i18n.M("your place in this war room's team changed (your key, name or access), so your session ends: connect again")
)
