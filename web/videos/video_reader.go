package videos

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/jackc/pgx/v5"
)

// readAhead is how much of a video file one query fetches: a range request costs a query or a
// few, whatever the size of the file.
const readAhead = 256 << 10

// OpenVideo returns a reader of the stored video file f of guide slug, for http.ServeContent:
// it reads only the parts asked for from the database. It reads the version f describes and
// fails, rather than mixing versions, when the file is replaced while it reads.
func (s *Store) OpenVideo(ctx context.Context, slug string, f FileInfo) io.ReadSeeker {
	return &videoReader{ctx: ctx, store: s, slug: slug, file: f}
}

type videoReader struct {
	ctx    context.Context
	store  *Store
	slug   string
	file   FileInfo
	offset int64
	buf    []byte // the file's bytes from bufAt on
	bufAt  int64
}

func (r *videoReader) Read(p []byte) (int, error) {
	if r.offset >= r.file.Size {
		return 0, io.EOF
	}
	if r.offset < r.bufAt || r.offset >= r.bufAt+int64(len(r.buf)) {
		if err := r.fetch(); err != nil {
			return 0, err
		}
	}
	n := copy(p, r.buf[r.offset-r.bufAt:])
	r.offset += int64(n)
	return n, nil
}

// fetch reads the part of the file from the offset on into the buffer.
func (r *videoReader) fetch() error {
	length := min(readAhead, r.file.Size-r.offset)
	err := r.store.db.QueryRow(r.ctx, `SELECT substring(data FROM $3 FOR $4) FROM video_files WHERE guide = $1 AND sha256 = $2`,
		r.slug, r.file.SHA256, r.offset+1, length).Scan(&r.buf)
	switch {
	case errors.Is(err, pgx.ErrNoRows):
		return fmt.Errorf("read video file of guide %s: replaced while being read", r.slug)
	case err != nil:
		return fmt.Errorf("read video file of guide %s: %w", r.slug, err)
	case int64(len(r.buf)) != length:
		return fmt.Errorf("read video file of guide %s: got %d bytes at %d, want %d", r.slug, len(r.buf), r.offset, length)
	}
	r.bufAt = r.offset
	return nil
}

func (r *videoReader) Seek(offset int64, whence int) (int64, error) {
	switch whence {
	case io.SeekStart:
	case io.SeekCurrent:
		offset += r.offset
	case io.SeekEnd:
		offset += r.file.Size
	default:
		return 0, errors.New("seek: invalid whence")
	}
	if offset < 0 {
		return 0, errors.New("seek: negative position")
	}
	r.offset = offset
	return offset, nil
}
