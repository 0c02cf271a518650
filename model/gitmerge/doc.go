// Package gitmerge merges three versions of one incident file as git's
// merge driver does (warroom merge-driver %O %A %B %P): the common
// version, ours and theirs in, the merged file out. The merge is the
// sync's (model.Merge): records united by id, fields by their clocks,
// the value that lost kept in the timeline. In strict mode, a title or
// summary rewritten on both sides is left for people to decide
// (model.MergeFromBase).
//
// It owns reading the three versions as bytes, what makes one of them
// unmergeable, and the bytes of the result. It runs no git and touches no
// file: the command line reads the versions and writes the result.
package gitmerge
