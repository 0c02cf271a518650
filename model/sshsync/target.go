package sshsync

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
)

// Target is where the remote copy lives: [user@]host:path, or
// ssh://[user@]host[:port]/path.
type Target struct {
	User string
	Host string
	Port int // 0: ssh's default
	Path string
}

// ParseTarget reads a target as users write it for scp and git.
func ParseTarget(s string) (Target, error) {
	bad := func(why string) (Target, error) {
		return Target{}, fmt.Errorf("sync target %q: %s; write [user@]host:path/to/incident.toml or ssh://user@host:port/path", s, why)
	}
	if strings.HasPrefix(s, "ssh://") {
		u, err := url.Parse(s)
		if err != nil {
			return bad("not a valid URL")
		}
		t := Target{Host: u.Hostname(), Path: u.Path}
		if u.User != nil {
			t.User = u.User.Username()
		}
		if p := u.Port(); p != "" {
			n, err := strconv.Atoi(p)
			if err != nil || n < 1 || n > 65535 {
				return bad("the port must be a number from 1 to 65535")
			}
			t.Port = n
		}
		if t.Host == "" || t.Path == "" || t.Path == "/" {
			return bad("it needs a host and a path")
		}
		return t, nil
	}
	host, path, ok := strings.Cut(s, ":")
	if !ok || host == "" || path == "" {
		return bad("it needs a host and a path, separated by ':'")
	}
	t := Target{Host: host, Path: path}
	if user, h, ok := strings.Cut(host, "@"); ok {
		t.User, t.Host = user, h
	}
	if t.Host == "" || strings.HasPrefix(t.Host, "-") || strings.HasPrefix(t.User, "-") {
		return bad("the host is not valid")
	}
	return t, nil
}

// Destination is the [user@]host argument of ssh.
func (t Target) Destination() string {
	if t.User != "" {
		return t.User + "@" + t.Host
	}
	return t.Host
}

// String renders the target as it was written.
func (t Target) String() string {
	if t.Port != 0 {
		return fmt.Sprintf("ssh://%s:%d%s", t.Destination(), t.Port, t.Path)
	}
	return t.Destination() + ":" + t.Path
}
