package manifest

import (
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
)

// FileSystem is what Load reads paths through. The default is the operating system;
// FromFS adapts an fs.FS (an embed.FS, an fstest.MapFS in tests, an archive).
type FileSystem interface {
	// Stat describes a path, following symbolic links.
	Stat(name string) (fs.FileInfo, error)
	// ReadDir lists a directory sorted by name; entries report symbolic links as such.
	ReadDir(name string) ([]fs.DirEntry, error)
	Open(name string) (io.ReadCloser, error)
	// Canonical names a file or directory the same way whatever path reached it, so a
	// file named twice or reached through a link is read once and loops are seen.
	Canonical(name string) string
}

type osFS struct{}

func (osFS) Stat(name string) (fs.FileInfo, error)      { return os.Stat(name) }
func (osFS) ReadDir(name string) ([]fs.DirEntry, error) { return os.ReadDir(name) }
func (osFS) Open(name string) (io.ReadCloser, error)    { return os.Open(name) }

func (osFS) Canonical(name string) string {
	if r, err := filepath.EvalSymlinks(name); err == nil {
		name = r
	}
	if a, err := filepath.Abs(name); err == nil {
		name = a
	}
	return name
}

// FromFS reads paths from fsys. Paths are slash-separated and relative to its root, as
// fs.FS requires; "./" prefixes are accepted.
func FromFS(fsys fs.FS) FileSystem { return ioFS{fsys} }

type ioFS struct{ fsys fs.FS }

func (f ioFS) name(n string) string {
	n = path.Clean(filepath.ToSlash(n))
	return strings.TrimPrefix(n, "/")
}

func (f ioFS) Stat(name string) (fs.FileInfo, error) { return fs.Stat(f.fsys, f.name(name)) }

func (f ioFS) ReadDir(name string) ([]fs.DirEntry, error) {
	entries, err := fs.ReadDir(f.fsys, f.name(name))
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
	return entries, err
}

func (f ioFS) Open(name string) (io.ReadCloser, error) { return f.fsys.Open(f.name(name)) }

func (f ioFS) Canonical(name string) string { return f.name(name) }
